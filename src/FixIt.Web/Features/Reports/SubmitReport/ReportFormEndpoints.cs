using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Categories.CategoryQuestions;
using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Features.Places.SearchPlaces;
using FixIt.Application.Features.Categories.RoutedCategories;
using FixIt.Application.Features.Reports.NearbyReports;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Reports.GetReport;
using FixIt.Web.Features.Reports.PendingReport;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>The home page's report form: shown, and posted back as a form (no script needed).</summary>
internal static class ReportFormEndpoints
{
    /// <summary>Three photos at the largest size accepted, and the text fields.</summary>
    public const long MaxFormBytes = (3 * PhotoRules.MaxBytes) + (1024 * 1024);

    public static IEndpointRouteBuilder MapReportForm(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomePage).WithName(nameof(HomePage)).ExcludeFromDescription();
        app.MapPost("/reports", SubmitReportForm)
            .WithName(nameof(SubmitReportForm))
            .WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxFormBytes)
            .RequireRateLimiting(RateLimitPolicies.Submit)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>?lat=&amp;lon= places the pin; ?place= (the search box without script) lists the places that match.</summary>
    public static async Task<IResult> HomePage(string? lat, string? lon, string? place, IMediator mediator, IOptions<MapOptions> map,
        IOptions<ReportsOptions> reports, CancellationToken cancellationToken)
    {
        var form = new ReportFormModel(Latitude: lat ?? "", Longitude: lon ?? "");
        var query = place is null ? null : new string([.. place.Where(c => !char.IsControl(c))]).Trim();
        query = query?[..Math.Min(query.Length, SearchPlacesQuery.MaxQueryLength)];
        return await RenderAsync(form, new Dictionary<string, string[]>(), mediator, map.Value, reports.Value, cancellationToken, placeQuery: query);
    }

    public static async Task<IResult> SubmitReportForm(IFormCollection form, IMediator mediator, IOptions<MapOptions> map,
        IOptions<ReportsOptions> reports, PendingReportsCookie pending, ReportNoticeCookie notices, KeptPhotos kept, IPhotoProcessor photoProcessor,
        IStringLocalizer<ReportPages> text, HttpContext context, CancellationToken cancellationToken)
    {
        if (Honeypot.Caught(form, context))
        {
            return LinkPages.Page("Thank you", "Thank you. Your report is saved; we have sent you an email with a link to confirm it.",
                StatusCodes.Status200OK);
        }

        var model = ReportFormModel.From(form);
        var errors = new Dictionary<string, string[]>();
        var keptToken = form["keptPhotos"].ToString();
        IReadOnlyList<PhotoUpload> photos =
            [.. await kept.ReadAsync(keptToken, cancellationToken), .. await PhotoUploads.ReadAsync(form.Files.GetFiles("photos"), errors, cancellationToken, text)];
        if (errors.Count == 0)
        {
            try
            {
                var submitted = await mediator.Send(model.ToCommand(photos), cancellationToken);
                kept.Forget(keptToken);

                // Until it is confirmed only this browser (and the secret link in the email) sees the report.
                pending.Remember(context, submitted.Id, submitted.PendingToken);
                notices.Set(context, submitted.Id, ReportNotice.Submitted);
                return Results.Redirect(ReportPaths.Public(submitted.Id));
            }
            catch (ValidationException v)
            {
                ReportFormErrors.Add(v, errors);
            }
        }

        // The photos that can be sent are kept, so the resident need not choose them again after fixing the rest.
        kept.Forget(keptToken);
        var keepable = photos.Where(p => p.Content.Length > 0 && p.Content.Length <= PhotoRules.MaxBytes && photoProcessor.Recognise(p.Content) is not null)
            .Take(PhotoRules.MaxCount).ToList();
        if (keepable.Count > 0)
        {
            model = model with
            {
                KeptPhotosToken = await kept.KeepAsync(keepable, cancellationToken),
                KeptPhotoNames = [.. keepable.Select(p => p.FileName)],
            };
        }

        // Something typed that is not a number is "must be a number", not "must not be empty".
        foreach (var (field, label, typed, value) in new[] { ("latitude", "Latitude", model.Latitude, model.LatitudeValue), ("longitude", "Longitude", model.Longitude, model.LongitudeValue) })
        {
            if (!string.IsNullOrWhiteSpace(typed) && value is null)
            {
                errors[field] = [ReportFormErrors.Text("'{0}' must be a number in degrees, such as {1}.", ReportFormErrors.Text(label),
                    field == "latitude" ? "53.8008" : "-1.5491")];
            }
        }

        // One clear message for the commonest miss, rather than two about numbers the resident never saw.
        if (!model.HasPin && string.IsNullOrWhiteSpace(model.Latitude) && string.IsNullOrWhiteSpace(model.Longitude))
        {
            errors.Remove("latitude");
            errors.Remove("longitude");
            errors["location"] = [ReportFormErrors.Text("Place the pin on the map, or enter a latitude and longitude, to say where the problem is.")];
        }

        // A place no rule covers, refused by the site's setting: said where the pin is chosen.
        if (errors.Remove("latitude", out var latitudeErrors) && latitudeErrors.Contains(UncoveredPlace.Refused))
        {
            errors["location"] = [.. errors.GetValueOrDefault("location", []), UncoveredPlace.Refused];
            latitudeErrors = [.. latitudeErrors.Where(m => m != UncoveredPlace.Refused)];
        }

        if (latitudeErrors is { Length: > 0 })
        {
            errors["latitude"] = latitudeErrors;
        }

        return await RenderAsync(model, errors, mediator, map.Value, reports.Value, cancellationToken, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RenderAsync(ReportFormModel form, IReadOnlyDictionary<string, string[]> errors, IMediator mediator,
        MapOptions map, ReportsOptions reports, CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK, string? placeQuery = null)
    {
        IReadOnlyList<CategoryView> categories = [];
        IReadOnlyList<NearbyReport> nearby = [];
        var uncovered = false;
        if (form is { LatitudeValue: { } la and >= -90 and <= 90, LongitudeValue: { } lo and >= -180 and <= 180 })
        {
            categories = await mediator.Send(new RoutedCategoriesQuery(la, lo), cancellationToken);
            nearby = await mediator.Send(new NearbyReportsQuery(la, lo, null), cancellationToken);

            // Where no rule routes anything, every category is still offered: the report waits for an admin (or is
            // refused, as Reports:UncoveredPlaces says; the form tells the resident which before they write anything).
            uncovered = categories.Count == 0;
        }

        if (categories.Count == 0)
        {
            categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken);
        }

        var questions = await mediator.Send(new CategoryQuestionsQuery(), cancellationToken);
        var places = string.IsNullOrWhiteSpace(placeQuery) ? null : await mediator.Send(new SearchPlacesQuery(placeQuery), cancellationToken);
        return new RazorComponentResult<HomePage>(new
        {
            Categories = categories, Form = form, Errors = errors, Nearby = nearby, Map = map, Questions = questions,
            Uncovered = uncovered, UncoveredPlaces = reports.UncoveredPlaces, PlaceQuery = placeQuery ?? "", Places = places,
        })
        {
            StatusCode = statusCode,
        };
    }
}
