using FixIt.Application.Common;
using FixIt.Application.Features.Alerts.CheckAlertLink;
using FixIt.Application.Features.Alerts.ConfirmAlert;
using FixIt.Application.Features.Alerts.CreateAlert;
using FixIt.Application.Features.Alerts.StopAlert;
using FixIt.Domain.Alerts;
using FixIt.Web.Components;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using FixIt.Web.Infrastructure.Localization;

namespace FixIt.Web.Features.Alerts;

/// <summary>"Email me new reports" for a place: the form, its JSON twin, and the confirm and stop links its emails carry.</summary>
internal static class AlertsEndpoints
{
    public const string CheckYourEmail =
        "If the address is right, we have sent it an email with a link. The alerts start once that link is used.";

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts", CreateAlert).WithTags("Alerts").WithName(nameof(CreateAlert))
            .WithSummary("Ask for emails about new reports near a point or in an area (sends a confirmation email)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Subscribe).DisableAntiforgery();

        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapGet("/alerts", AlertFormPage).WithName(nameof(AlertFormPage)).ExcludeFromDescription();
        pages.MapPost("/alerts", SubmitAlertForm).WithName(nameof(SubmitAlertForm)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Subscribe);
        pages.MapGet("/alerts/confirm/{token}", ConfirmAlertPage).WithName(nameof(ConfirmAlertPage)).ExcludeFromDescription();
        pages.MapPost("/alerts/confirm/{token}", ConfirmAlert).WithName(nameof(ConfirmAlert)).ExcludeFromDescription();
        pages.MapGet("/alerts/stop/{token}", StopAlertPage).WithName(nameof(StopAlertPage)).ExcludeFromDescription();
        pages.MapPost("/alerts/stop/{token}", StopAlert).WithName(nameof(StopAlert)).ExcludeFromDescription();
        return app;
    }

    /// <summary>202 with the same answer for every address; the feed of the same place is linked.</summary>
    public static async Task<Accepted<CreateAlertResponse>> CreateAlert(CreateAlertRequest body, IMediator mediator, IOptions<SiteOptions> site,
        IStringLocalizer<SharedText> words, CancellationToken cancellationToken)
    {
        var command = body.ToCommand();
        await mediator.Send(command, cancellationToken);
        // The same words as the page's "check your email" (SharedText), in the request's language.
        return TypedResults.Accepted((string?)null, new CreateAlertResponse(words[CheckYourEmail], site.Value.Url(AlertFeeds.PathFor(command))));
    }

    public static async Task<IResult> AlertFormPage(string? area, string? lat, string? lon, string? radius, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        var form = new AlertFormModel
        {
            Kind = string.IsNullOrEmpty(area) ? "radius" : "area",
            Area = area ?? "",
            Latitude = lat ?? "",
            Longitude = lon ?? "",
            Radius = string.IsNullOrEmpty(radius) ? "500" : radius,
        };
        return await AlertForms.PageAsync(form, new Dictionary<string, string[]>(), mediator, antiforgery, context, StatusCodes.Status200OK,
            cancellationToken);
    }

    public static async Task<IResult> SubmitAlertForm(IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest);
        }

        if (Honeypot.Caught(context.Request.Form, context))
        {
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK);
        }

        var form = AlertFormModel.From(context.Request.Form);
        var (command, errors) = form.ToCommand();
        if (command is not null)
        {
            try
            {
                await mediator.Send(command, cancellationToken);
                return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK);
            }
            catch (ValidationException ex)
            {
                errors = AlertFormModel.ErrorsOf(ex);
            }
        }

        return await AlertForms.PageAsync(form, errors, mediator, antiforgery, context, StatusCodes.Status400BadRequest, cancellationToken);
    }

    public static async Task<IResult> ConfirmAlertPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var alert = await mediator.Send(new CheckAlertLinkQuery(token, AlertTokenPurpose.Confirm), cancellationToken);
        return new RazorComponentResult<AlertLinkPage>(new
        {
            Alert = alert, Form = LinkPages.FormTokenFor(antiforgery, context), Title = "Confirm alerts for new reports",
            Lead = "Press the button to be emailed about new reports here. Every email has a link to stop them.",
            Button = "Email me new reports",
        });
    }

    public static async Task<IResult> ConfirmAlert(string token, IMediator mediator, IAntiforgery antiforgery, IStringLocalizer<AlertPages> words,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var alert = await mediator.Send(new ConfirmAlertCommand(token), cancellationToken);
        return LinkPages.Page("Alerts started", "You will be emailed about new reports {0}. Each email has a link to stop them.",
            StatusCodes.Status200OK, arguments: [AlertPlaceText.Of(alert, words)]);
    }

    public static async Task<IResult> StopAlertPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var alert = await mediator.Send(new CheckAlertLinkQuery(token, AlertTokenPurpose.Unsubscribe), cancellationToken);
        return new RazorComponentResult<AlertLinkPage>(new
        {
            Alert = alert, Form = LinkPages.FormTokenFor(antiforgery, context), Title = "Stop alerts for new reports",
            Lead = alert.IsActive ? "Press the button to get no more of these emails." : "These alerts are already stopped.",
            Button = "Send me no more of these emails",
        });
    }

    public static async Task<IResult> StopAlert(string token, IMediator mediator, IAntiforgery antiforgery, IStringLocalizer<AlertPages> words,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var alert = await mediator.Send(new StopAlertCommand(token), cancellationToken);
        return LinkPages.Page("Alerts stopped", "You will get no more emails about new reports {0}.", StatusCodes.Status200OK,
            arguments: [AlertPlaceText.Of(alert, words)]);
    }
}

/// <summary>
/// The JSON body of POST /api/alerts: a point (<c>latitude</c>, <c>longitude</c>, <c>radiusMetres</c> 50–20000) or an
/// <c>areaId</c>; optional category codes; <c>frequency</c> "immediate" (default) or "daily".
/// </summary>
internal sealed record CreateAlertRequest(string? Email, double? Latitude, double? Longitude, int? RadiusMetres, int? AreaId,
    IReadOnlyList<string>? Categories, string? Frequency)
{
    public CreateAlertCommand ToCommand() => new(Email, Latitude, Longitude, RadiusMetres, AreaId, Categories, AlertForms.FrequencyOf(Frequency))
    {
        Language = RequestLanguage.Current,
    };
}

internal sealed record CreateAlertResponse(string Message, string FeedUrl);
