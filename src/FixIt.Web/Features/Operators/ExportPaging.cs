using System.Globalization;
using FixIt.Application.Common;
using FixIt.Application.Features.Operators.ExportOperatorReports;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;

namespace FixIt.Web.Features.Operators;

/// <summary>Bound from "Exports": how many reports one export response holds at most.</summary>
internal sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>The most reports in one CSV or GeoJSON response (and the page size when no limit is asked for).</summary>
    public int MaxRows { get; set; } = 10_000;
}

/// <summary>
/// Exports come in pages: at most <c>limit</c> reports (default and maximum Exports:MaxRows) with an id above
/// <c>after</c>. When more follow, the response carries a <c>Link: &lt;…&gt;; rel="next"</c> header with the next
/// page's address, so a client fetches everything by following it until it is absent.
/// </summary>
internal sealed record ExportPaging(int Limit, int After)
{
    public static bool TryRead(HttpRequest request, int maxRows, out ExportPaging paging, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var limit = Read(request, "limit", maxRows, 1, maxRows, errors);
        var after = Read(request, "after", 0, 0, int.MaxValue, errors);
        paging = new ExportPaging(limit, after);
        return errors.Count == 0;
    }

    /// <summary>Puts the next page's address in a Link header when there is a next page; returns it.</summary>
    public async Task<string?> LinkNextAsync(IMediator mediator, int operatorId, HttpContext context, SiteOptions site,
        CancellationToken cancellationToken)
    {
        var next = await mediator.Send(new NextExportPageQuery(operatorId, After, Limit), cancellationToken);
        if (next is null)
        {
            return null;
        }

        var url = QueryHelpers.AddQueryString(site.Url($"{context.Request.PathBase}{context.Request.Path}"),
            new Dictionary<string, string?>
            {
                ["limit"] = Limit.ToString(CultureInfo.InvariantCulture),
                ["after"] = next.Value.ToString(CultureInfo.InvariantCulture),
            });
        context.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        return url;
    }

    private static int Read(HttpRequest request, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return fallback;
    }
}
