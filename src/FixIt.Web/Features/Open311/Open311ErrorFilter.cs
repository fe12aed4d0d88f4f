using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Open311;

/// <summary>
/// Open311 clients expect errors as Open311 documents (errors/error/code,description) in the format they
/// asked for, not as problem details; this turns the same exceptions the rest of the app throws into those.
/// </summary>
internal sealed class Open311ErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var format = context.HttpContext.GetRouteValue("format") as string ?? "json";
        var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Open311Text>>();
        try
        {
            return await next(context);
        }
        catch (ValidationException e)
        {
            // "field: message", the field named as the client sent it (lat, email, attribute[size], ...).
            var descriptions = e.Errors.Select(f => $"{f.PropertyName}: {f.ErrorMessage}").Distinct();
            return Error(StatusCodes.Status400BadRequest, descriptions, format);
        }
        catch (NotFoundException e)
        {
            return Error(StatusCodes.Status404NotFound, [e.Message], format);
        }
        catch (Open311Exception e)
        {
            return Error(e.StatusCode, [e.Message], format);
        }
        catch (BadHttpRequestException e)
        {
            return Error(e.StatusCode, [e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? t["BodyTooLarge"]
                : t["Unreadable", e.Message]], format);
        }
        catch (InvalidDataException e)
        {
            // The form reader's own limits (too many fields, a field too long) and characters it refuses (U+0000).
            var field = await UnreadableFormField.FindAsync(context.HttpContext.Request);
            return Error(StatusCodes.Status400BadRequest, [field ?? t["FormUnreadable", e.Message]], format);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            var retryAfter = context.HttpContext.RequestServices.GetRequiredService<IOptions<DatabaseOptions>>().Value.RetryAfterSeconds;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status503ServiceUnavailable, [Infrastructure.DatabaseUnavailable.Detail], format);
        }
    }

    private static Open311Result Error(int status, IEnumerable<string> descriptions, string format) =>
        new(Open311Documents.Errors(status, descriptions), format, status);
}
