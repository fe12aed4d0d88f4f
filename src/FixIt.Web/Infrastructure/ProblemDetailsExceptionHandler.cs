using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Application.Features.Privacy;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.Web.Features.Open311;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Infrastructure;

/// <summary>The one place where exceptions become RFC 9457 problem details.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IOptions<DatabaseOptions> database, IStringLocalizer<ApiText> text)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseFaults.IsUnavailable(exception))
        {
            return await DatabaseUnavailable.WriteAsync(httpContext, problemDetails, exception, database.Value.RetryAfterSeconds, text);
        }

        ProblemDetails? problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors
                .GroupBy(e => FieldName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = text["The request is not valid."],
            },
            NotFoundException n => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = n.Title,
                Detail = n.Message,
            },
            ReportRemovedException => new ProblemDetails
            {
                Status = StatusCodes.Status410Gone,
                Title = text["This report has been removed."],
            },
            ModerationConflictException m => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not possible in the current state.",
                Detail = m.Message,
            },
            InvalidTransitionException t => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = t.To is null ? text["Not allowed while the report is {0}.", t.From] : text["That status change is not allowed."],
                Detail = t.Message,
            },
            OutOfScopeException o => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This API key may not do that.",
                Detail = o.Message,
            },
            OperatorContactException c => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "An operator contact.",
                Detail = c.Message,
            },
            InUseException u => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Still in use.",
                Detail = u.Message,
            },
            ImportFileException f => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [f.Message] })
            {
                Status = f.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                Title = "The file cannot be imported.",
            },
            NotCurrentOperatorException c => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [NotCurrentOperatorException.Field] = [c.Message] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The report is not with that operator.",
                Detail = c.Message,
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { ["body"] = [text["The request body is larger than this endpoint accepts."]] })
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = text["The request is too large."],
            },
            BadHttpRequestException b => BadRequest(b, text),
            _ => null,
        };

        if (problem is null)
        {
            // Open311 clients read errors as Open311 documents, unexpected ones too (the filter only sees the handler).
            return httpContext.Request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase)
                && await WriteOpen311ErrorAsync(httpContext, text);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static async Task<bool> WriteOpen311ErrorAsync(HttpContext httpContext, IStringLocalizer t)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var format = httpContext.Request.Path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json";
        var error = Open311Documents.Errors(StatusCodes.Status500InternalServerError, [t["An unexpected error occurred; it has been logged."]]);
        await new Open311Result(error, format, StatusCodes.Status500InternalServerError).ExecuteAsync(httpContext);
        return true;
    }

    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException exception, IStringLocalizer t)
    {
        // Malformed JSON: name the field the reader stopped at ("$.latitude" → "latitude"). The framework's own
        // messages (parameter names, "Did you mean to use a Service") are not shown: they describe FixIt's code.
        var json = exception.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? FieldName(path.TrimStart('$', '.')) : "body";
        string message = json switch
        {
            // A reader error (bad syntax) carries the reader's exception; a value of the wrong JSON type does not.
            { InnerException: JsonException } or { Path: null } => t["The JSON is malformed at {0} (line {1}).", json.Path ?? "$", (json.LineNumber ?? 0) + 1],
            { Path: "$" } => t["The request body must be a JSON object ({0}).", "{ ... }"],
            not null => t["The value at {0} has the wrong type.", json.Path ?? "$"],
            _ when exception.StatusCode == StatusCodes.Status415UnsupportedMediaType =>
                t["The request body must be a JSON object sent with Content-Type: application/json."],
            _ when exception.Message.Contains("no body was provided", StringComparison.Ordinal)
                || exception.Message.Contains("was not provided from body", StringComparison.Ordinal) =>
                t["The request body must be a JSON object ({0}); it was empty or null.", "{ ... }"],
            _ => exception.Message,
        };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = exception.StatusCode,
            Title = t["The request could not be read."],
        };
    }

    private static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "body" : JsonNamingPolicy.CamelCase.ConvertName(propertyName);
}
