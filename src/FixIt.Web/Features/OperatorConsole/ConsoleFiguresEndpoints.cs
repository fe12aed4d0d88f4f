using System.Globalization;
using FixIt.Application.Common;
using FixIt.Application.Features.OperatorConsole;
using FixIt.Application.Features.OperatorConsole.ExportOperatorUpdates;
using FixIt.Application.Features.Operators.ExportOperatorReports;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Web.Features.Operators;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>
/// The operator's figures (the public page's numbers, from the same query) and a CSV of its reports or its updates for a
/// date range. The CSVs carry what the public pages carry and nothing more: no reporter's name, email or phone (ADR 0172).
/// </summary>
internal static class ConsoleFiguresEndpoints
{
    public static RouteGroupBuilder MapConsoleFigures(this RouteGroupBuilder console)
    {
        console.MapGet("/{slug}/figures", ConsoleFigures).WithName(nameof(ConsoleFigures));
        console.MapGet("/{slug}/export", ConsoleExport).WithName(nameof(ConsoleExport));
        return console;
    }

    public static async Task<IResult> ConsoleFigures(string slug, HttpContext context, IMediator mediator, TimeProvider clock, SiteTimeZone zone,
        CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, OperatorConsoleAccess.Caller(context)), cancellationToken);
        var today = DateOnly.FromDateTime(zone.Local(clock.GetUtcNow()).DateTime);
        return await PageAsync(op, new ExportForm("reports", Date(today.AddDays(-30)), Date(today)), [], StatusCodes.Status200OK, mediator, cancellationToken);
    }

    public static async Task<IResult> ConsoleExport(string slug, string? what, string? from, string? to, HttpContext context, IMediator mediator,
        SiteTimeZone zone, IOptions<SiteOptions> site, IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, OperatorConsoleAccess.Caller(context)), cancellationToken);
        var form = new ExportForm(what ?? "", from ?? "", to ?? "");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (form.What is not ("reports" or "updates"))
        {
            errors["export-what"] = [text["Choose reports or updates."]];
        }

        var first = Read(form.From, "export-from", text["Give the first day as a date (YYYY-MM-DD)."], errors);
        var last = Read(form.To, "export-to", text["Give the last day as a date (YYYY-MM-DD)."], errors);
        if (first is { } f && last is { } l && l < f)
        {
            errors["export-to"] = [text["The last day must be on or after the first day."]];
        }

        if (errors.Count > 0)
        {
            return await PageAsync(op, form, errors, StatusCodes.Status400BadRequest, mediator, cancellationToken);
        }

        // Whole days in the site's time zone, the last one included.
        var start = zone.StartOf(first!.Value);
        var before = zone.StartOf(last!.Value.AddDays(1));
        var name = $"{slug}-{form.What}-{form.From}-to-{form.To}.csv";
        if (form.What == "updates")
        {
            var updates = mediator.CreateStream(new ExportOperatorUpdatesQuery(op.Id, start, before), cancellationToken);
            return TypedResults.Stream(body => UpdateExports.WriteCsvAsync(body, updates, site.Value.ReportUrl, cancellationToken), "text/csv; charset=utf-8", name);
        }

        var reports = mediator.CreateStream(new ExportOperatorReportsQuery(op.Id, 0, int.MaxValue) { PublishedFrom = start, PublishedBefore = before },
            cancellationToken);
        return TypedResults.Stream(body => ReportExports.WriteCsvAsync(body, reports, site.Value.ReportUrl, cancellationToken), "text/csv; charset=utf-8", name);
    }

    private static async Task<IResult> PageAsync(OperatorInfo op, ExportForm form, Dictionary<string, string[]> errors, int status, IMediator mediator,
        CancellationToken cancellationToken) =>
        new RazorComponentResult<ConsoleFiguresPage>(new
        {
            Operator = op,
            Figures = await mediator.Send(new GetOperatorFiguresQuery(op.Slug), cancellationToken),
            Export = form,
            Errors = errors,
        })
        {
            StatusCode = status,
        };

    private static DateOnly? Read(string text, string field, string message, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 9998)
        {
            return day;
        }

        errors[field] = [message];
        return null;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The export form's fields as sent.</summary>
public sealed record ExportForm(string What, string From, string To);
