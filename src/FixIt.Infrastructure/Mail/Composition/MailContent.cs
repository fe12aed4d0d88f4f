using System.Globalization;
using FixIt.Domain.Reports;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>A rendered email: subject, plain text and HTML.</summary>
internal sealed record MailContent(string Subject, string Text, string Html);

/// <summary>A labelled link in an email.</summary>
internal sealed record MailLink(string Label, string Url);

/// <summary>One of the category's extra questions and the resident's answer (list values by their names, joined by ", ").</summary>
internal sealed record MailAnswer(string Question, string Answer);

internal static class MailWords
{
    public static string WhatHappened(ReportEvent update) => update.ToStatus is { } to
        ? $"{update.Actor} set the status to {ReportStatusWording.Of(to)}."
        : $"{update.Actor} added an update.";

    public static string Coordinates(Report report) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.Latitude:0.######}, {report.Longitude:0.######}");

    public static string MapUrl(Report report)
    {
        var lat = report.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = report.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}";
    }
}
