namespace FixIt.Web;

/// <summary>Bound from "Site": how the service names itself and where it is reached.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string Name { get; set; } = "FixIt";

    /// <summary>The public URL, used in links that leave the site (emails, feeds, API "url" fields).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public string ReportUrl(int id) => $"{PublicBaseUrl.TrimEnd('/')}/reports/{id}";
}
