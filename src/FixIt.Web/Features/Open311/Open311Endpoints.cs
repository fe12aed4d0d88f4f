using FixIt.Application.Common;
using FixIt.Application.Features.Open311.Requests;
using FixIt.Application.Features.Open311.Services;
using FixIt.Application.Features.Open311.Tokens;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Open311;

/// <summary>Open311 GeoReport v2 under /open311/v2, every path in .json and .xml.</summary>
internal static class Open311Endpoints
{
    public const string Prefix = "/open311/v2";

    /// <summary>
    /// A form whose fields are all at their limit fits, percent-encoded (a description of 4,000 emoji flags is 32 KB of
    /// UTF-8, 96 KB encoded), with its attributes.
    /// </summary>
    public const long MaxFormBytes = 512 * 1024;

    private const string Format = "{format:regex(^(json|xml)$)}";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Open311").AddEndpointFilter<Open311ErrorFilter>();
        group.MapGet($"discovery.{Format}", Discovery).WithName("Open311" + nameof(Discovery))
            .WithSummary("Open311 discovery: where the endpoint is and what it speaks");
        group.MapGet($"services.{Format}", Services).WithName("Open311" + nameof(Services))
            .WithSummary("Open311 services: the categories");
        group.MapGet($"services/{{service_code}}.{Format}", ServiceDefinition).WithName("Open311" + nameof(ServiceDefinition))
            .WithSummary("Open311 service definition: a category's extra questions as attributes");
        group.MapPost($"requests.{Format}", PostRequest).WithName("Open311" + nameof(PostRequest))
            .WithSummary("Open311: submit a report (form-encoded, needs an api_key)")
            .WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes))
            .RequireRateLimiting(RateLimitPolicies.Submit)
            .DisableAntiforgery();
        group.MapGet($"requests.{Format}", Requests).WithName("Open311" + nameof(Requests))
            .WithSummary("Open311: public reports, by id or by service, date window and status");
        group.MapGet($"requests/{{id}}.{Format}", Request).WithName("Open311" + nameof(Request))
            .WithSummary("Open311: one public report");
        group.MapGet($"tokens/{{token}}.{Format}", Token).WithName("Open311" + nameof(Token))
            .WithSummary("Open311: the request id for a token, once the report is confirmed");
        return app;
    }

    public static IResult Discovery(string format, IOptions<Open311Options> options, IOptions<SiteOptions> site) =>
        new Open311Result(Open311Documents.Discovery(options.Value, site.Value.Url(Prefix)), format);

    public static async Task<IResult> Services(string format, IMediator mediator, CancellationToken cancellationToken) =>
        new Open311Result(Open311Documents.Services(await mediator.Send(new ListServicesQuery(), cancellationToken)), format);

    public static async Task<IResult> ServiceDefinition([FromRoute(Name = "service_code")] string serviceCode, string format,
        IMediator mediator, CancellationToken cancellationToken) =>
        new Open311Result(Open311Documents.Definition(await mediator.Send(new GetServiceDefinitionQuery(serviceCode), cancellationToken)), format);

    public static async Task<IResult> PostRequest(string format, HttpRequest request, IOpen311KeyValidator keys, IMediator mediator,
        IStringLocalizer<Open311Text> t, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new Open311Exception(StatusCodes.Status400BadRequest, t["FormRequired"]);
        }

        // Kept so that a form the reader refuses can be looked through for the parameter at fault (Open311ErrorFilter).
        request.EnableBuffering();
        var form = await request.ReadFormAsync(cancellationToken);
        var key = Open311Requests.Single(form["api_key"])
            ?? throw new Open311Exception(StatusCodes.Status403Forbidden, t["KeyRequired"]);
        if (!keys.IsValid(key))
        {
            throw new Open311Exception(StatusCodes.Status403Forbidden, t["KeyInvalid"]);
        }

        var posted = await mediator.Send(Open311Requests.PostCommand(form, t), cancellationToken);
        return new Open311Result(Open311Documents.Posted(posted), format);
    }

    public static async Task<IResult> Requests(string format, HttpRequest request, IMediator mediator, IStringLocalizer<Open311Text> t,
        CancellationToken cancellationToken)
    {
        var query = Open311Requests.ListQuery(request.Query, t);
        return new Open311Result(Open311Documents.Requests(await mediator.Send(query, cancellationToken), query.WithUpdates), format);
    }

    public static async Task<IResult> Request(string id, string format, HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var extensions = Open311Requests.Extensions(request.Query);
        var found = int.TryParse(id, out var number) && number > 0
            ? await mediator.Send(new ListServiceRequestsQuery { Ids = [number], WithUpdates = extensions }, cancellationToken)
            : [];
        return found.Count == 0
            ? throw new NotFoundException("Request", id)
            : new Open311Result(Open311Documents.Requests(found, extensions), format);
    }

    public static async Task<IResult> Token(string token, string format, IMediator mediator, CancellationToken cancellationToken) =>
        new Open311Result(Open311Documents.Token(await mediator.Send(new GetTokenQuery(token), cancellationToken)), format);
}

/// <summary>An Open311 error that is neither a validation failure nor a missing thing (a refused key, a wrong body).</summary>
internal sealed class Open311Exception(int statusCode, string description) : Exception(description)
{
    public int StatusCode { get; } = statusCode;
}
