using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Reports;

/// <summary>
/// src/FixIt.Web/FixIt.http is the hand-run tour of every route (public API, Open311, admin, pages, email links):
/// it lists each route the app maps, and nothing the app does not map.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class HttpFileTests(AppsFixture apps)
{
    private static readonly string HttpFile = Path.Combine(AppContext.BaseDirectory, "FixIt.http");

    [Fact]
    public async Task Every_mapped_route_has_a_request_in_the_http_file_and_every_request_a_route()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var routes = Routes(app.Services.GetRequiredService<EndpointDataSource>());
        var requests = Requests(await File.ReadAllLinesAsync(HttpFile));

        var missing = routes.Where(r => !requests.Any(q => q.Method == r.Method && r.Matches(q.Path))).Select(r => $"{r.Method} {r.Pattern}").ToList();
        // The development mailbox (/dev/...) is mapped in the Development environment only, not in this "Testing" app.
        var stale = requests.Where(q => !q.Path.StartsWith("/dev/", StringComparison.Ordinal) && !routes.Any(r => q.Method == r.Method && r.Matches(q.Path)))
            .Select(q => $"{q.Method} {q.Path}").ToList();

        Assert.True(missing.Count == 0, "Routes missing from FixIt.http:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.True(stale.Count == 0, "Requests in FixIt.http that no route answers:" + Environment.NewLine + string.Join(Environment.NewLine, stale));
    }

    [Fact]
    public void A_route_pattern_matches_paths_with_its_parameters_filled_in()
    {
        var route = new Route("GET", "/api/reports/{id:int}/photos/{photoId}");
        Assert.True(route.Matches("/api/reports/{{reportId}}/photos/3"));
        Assert.False(route.Matches("/api/reports/7/photos"));
        Assert.True(new Route("GET", "/feeds/{**path}").Matches("/feeds/areas/1.atom"));
    }

    /// <summary>
    /// The method and route of every endpoint the app maps (one without a method, such as a health check, as GET), less
    /// the framework's own: the OpenAPI document and the API reference.
    /// </summary>
    private static List<Route> Routes(EndpointDataSource endpoints) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new Route(m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Where(r => !r.Pattern.StartsWith("/openapi/", StringComparison.Ordinal) && !r.Pattern.StartsWith("/api/docs", StringComparison.Ordinal))
            .Distinct()];

    /// <summary>The request lines of an .http file: <c>METHOD {{host}}/path?query HTTP/1.1</c>.</summary>
    private static List<(string Method, string Path)> Requests(IEnumerable<string> lines) =>
        [.. lines.Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["method"].Value, "/" + m.Groups["path"].Value.Split('?')[0].Trim('/')))];

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \{\{host\}\}(?<path>/\S*)")]
    private static partial Regex RequestLine();

    private sealed record Route(string Method, string Pattern)
    {
        /// <summary>Whether a path (whose segments may be .http variables such as <c>{{reportId}}</c>) fits the pattern.</summary>
        public bool Matches(string path)
        {
            var regex = "^" + string.Concat(Regex.Split(Pattern, @"(\{[^}]*\})").Select(part => part switch
            {
                ['{', '*', '*', ..] => ".*",
                ['{', ..] => "[^/]+",
                _ => Regex.Escape(part),
            })) + "$";
            return Regex.IsMatch(path, regex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
    }
}
