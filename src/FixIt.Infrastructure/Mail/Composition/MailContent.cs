using System.Globalization;
using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>A rendered email: subject, plain text and HTML.</summary>
internal sealed record MailContent(string Subject, string Text, string Html);

/// <summary>A labelled link in an email.</summary>
internal sealed record MailLink(string Label, string Url);

/// <summary>One of the category's extra questions and the resident's answer (list values by their names, joined by ", ").</summary>
internal sealed record MailAnswer(string Question, string Answer);

internal static class MailWords
{
    /// <summary>"Demo City Council set the status to Fixed." in the current language.</summary>
    public static string WhatHappened(IStringLocalizer t, ReportEvent update) => update.ToStatus is { } to
        ? t["What.Status", update.Actor, ResidentMailText.Status(t, to)]
        : t["What.Note", update.Actor];

    public static string Coordinates(Report report) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.Latitude:0.######}, {report.Longitude:0.######}");

    public static string MapUrl(Report report)
    {
        var lat = report.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = report.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}";
    }
}
