namespace FixIt.Application.Common;

/// <summary>
/// Bound from "Site" (once, by the infrastructure's registration; checked at start-up): how the service names itself and
/// where it is reached. Pages, feeds, exports and emails all build their links from it.
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string Name { get; set; } = "FixIt";

    /// <summary>
    /// The public URL, used in every absolute link FixIt gives out (emails, feeds, exports, API "url" fields, the
    /// OpenAPI server list): never the request's Host header, which the caller chooses.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// The site's time zone, an IANA name such as "Europe/London": the months of the figures and the dates shown on pages
    /// are in this zone. Stored times stay UTC.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Whom residents write to about their data: the data controller's contact (an address or a URL), shown on the
    /// privacy page. Empty shows "the organisation that runs this site" without a contact.
    /// </summary>
    public string PrivacyContact { get; set; } = "";

    /// <summary>An absolute URL for a path on this site.</summary>
    public string Url(string path) => $"{PublicBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    public string ReportUrl(int id) => Url(ReportPaths.Public(id));

    /// <summary>The submitter's secret link to their report while it awaits confirmation.</summary>
    public string PendingReportUrl(int id, string token) => Url(ReportPaths.Pending(id, token));

    /// <summary>Whether the site is reached over HTTPS (even behind a TLS-terminating proxy), so cookies must be Secure.</summary>
    public bool IsHttps => PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
