using FixIt.Application.Features.Alerts;
using FixIt.Application.Features.Alerts.CreateAlert;
using FixIt.Application.Features.Areas.ListAreaChoices;
using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Domain.Alerts;
using FixIt.Web.Features.EmailLinks;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Alerts;

internal static class AlertForms
{
    public static async Task<IResult> PageAsync(AlertFormModel form, IReadOnlyDictionary<string, string[]> errors, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, int status, CancellationToken cancellationToken) =>
        new RazorComponentResult<AlertFormPage>(new
        {
            Model = form,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Areas = await mediator.Send(new ListAreaChoicesQuery(), cancellationToken),
            Categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken),
            Map = context.RequestServices.GetRequiredService<IOptions<MapOptions>>().Value,
        })
        { StatusCode = status };

    /// <summary>"immediate" (or nothing) and "daily", in any case; anything else is refused naming the field.</summary>
    public static AlertFrequency FrequencyOf(string? text) =>
        string.IsNullOrEmpty(text) || text.Equals("immediate", StringComparison.OrdinalIgnoreCase) ? AlertFrequency.Immediate
        : text.Equals("daily", StringComparison.OrdinalIgnoreCase) ? AlertFrequency.Daily
        : throw new ValidationException([new ValidationFailure(nameof(CreateAlertCommand.Frequency), "Frequency must be \"immediate\" or \"daily\".")]);
}

/// <summary>The Atom feed of an alert's place.</summary>
internal static class AlertFeeds
{
    public static string PathFor(CreateAlertCommand command) =>
        AlertViews.FeedPath(command.AreaId, command.Latitude, command.Longitude, command.RadiusMetres);
}
