using System.Text.Json;
using FixIt.Application.Features.Open311.PostRequest;
using FixIt.Application.Features.Open311.Requests;
using FixIt.Application.Features.Open311.Services;
using FixIt.Application.Features.Open311.Tokens;
using FixIt.Domain.Reports;

namespace FixIt.Web.Features.Open311;

/// <summary>The Open311 GeoReport v2 shapes: element names and nesting exactly as the specification shows them.</summary>
internal static class Open311Documents
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When FixIt's Open311 surface last changed; clients may cache discovery until this moves.</summary>
    public static readonly DateTimeOffset Changeset = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static Open311Document Discovery(Open311Options options, string endpointUrl) => new("discovery", new Open311Object
    {
        { "changeset", Changeset },
        { "contact", options.Contact },
        { "key_service", options.KeyService },
        {
            "endpoints", new Open311List("endpoint",
            [
                new Open311Object
                {
                    { "specification", Specification },
                    { "url", endpointUrl },
                    { "changeset", Changeset },
                    { "type", options.EndpointType },
                    { "formats", new Open311List("format", ["text/xml", "application/json"]) },
                },
            ])
        },
    });

    public static Open311Document Services(IReadOnlyList<ServiceView> services) => new("services",
        new Open311List("service", [.. services.Select(s => new Open311Object
        {
            { "service_code", s.Code },
            { "service_name", s.Name },
            { "description", s.Description },
            { "metadata", s.HasMetadata },
            // "batch": a POST answers with a token; the id follows once the reporter confirms by email.
            { "type", "batch" },
            { "keywords", null },
            { "group", s.Group },
        })]));

    public static Open311Document Definition(ServiceView service) => new("service_definition", new Open311Object
    {
        { "service_code", service.Code },
        {
            "attributes", new Open311List("attribute", [.. service.Attributes.Select(q => new Open311Object
            {
                { "variable", true },
                { "code", q.Code },
                { "datatype", q.DataType },
                { "required", q.Required },
                { "datatype_description", q.Description },
                { "order", q.Order },
                { "description", q.Question },
                { "values", new Open311List("value", [.. q.Values.Select(v => new Open311Object { { "key", v.Key }, { "name", v.Name } })]) },
            })])
        },
    });

    public static Open311Document Requests(IReadOnlyList<ServiceRequestView> requests, bool extensions) => new("service_requests",
        new Open311List("request", [.. requests.Select(r => Request(r, extensions))]));

    public static Open311Document Posted(PostedServiceRequest posted)
    {
        var request = posted.Token is { } token
            ? new Open311Object { { "token", token } }
            : new Open311Object { { "service_request_id", posted.ServiceRequestId } };
        request.Add("service_notice", posted.ServiceNotice);
        request.Add("account_id", posted.AccountId);
        return new("service_requests", new Open311List("request", [request]));
    }

    public static Open311Document Token(TokenView token) => new("service_requests", new Open311List("request",
    [
        new Open311Object { { "service_request_id", token.ServiceRequestId }, { "token", token.Token } },
    ]));

    public static Open311Document Errors(int code, IEnumerable<string> descriptions) => new("errors",
        new Open311List("error", [.. descriptions.Select(d => new Open311Object { { "code", code }, { "description", d } })]));

    private static Open311Object Request(ServiceRequestView r, bool extensions)
    {
        var request = new Open311Object
        {
            { "service_request_id", r.Id },
            { "status", r.Open311Status },
            { "status_notes", r.StatusNotes },
            { "service_name", r.ServiceName },
            { "service_code", r.ServiceCode },
            { "description", r.Description },
            { "agency_responsible", r.AgencyResponsible },
            { "service_notice", r.ServiceNotice },
            { "requested_datetime", r.RequestedAt },
            { "updated_datetime", r.UpdatedAt },
            { "expected_datetime", r.ExpectedAt },
            { "address", r.Address },
            // FixIt keeps no address register or postcodes: always empty, present because the spec lists them.
            { "address_id", null },
            { "zipcode", null },
            { "lat", r.Latitude },
            { "long", r.Longitude },
            { "media_url", r.MediaUrl },
        };
        if (extensions)
        {
            request.Add("title", r.Title);
            request.Add("detailed_status", Detailed(r.Status));
            request.Add("updates", new Open311List("update", [.. r.Updates.Select(u => new Open311Object
            {
                { "update_id", u.Id },
                { "updated_datetime", u.At },
                { "type", u.StatusChanged ? "status_change" : "note" },
                { "status", ServiceRequestView.Open311StatusOf(u.Status) },
                { "detailed_status", Detailed(u.Status) },
                { "description", u.Text },
                { "actor", u.Actor },
            })]));
        }

        return request;
    }

    private static string Detailed(ReportStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
