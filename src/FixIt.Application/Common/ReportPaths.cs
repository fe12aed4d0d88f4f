namespace FixIt.Application.Common;

/// <summary>
/// The one place a report's paths are spelt; absolute links prefix them with Site:PublicBaseUrl, never with the
/// request's Host.
/// </summary>
public static class ReportPaths
{
    /// <summary>The report's public page: answers only once the report is public.</summary>
    public static string Public(int reportId) => $"/reports/{reportId}";

    /// <summary>The submitter's secret link to a report awaiting confirmation; the token is a path segment.</summary>
    public static string Pending(int reportId, string token) => $"/reports/{reportId}/pending/{token}";

    /// <summary>A photo of a report awaiting confirmation, shown only through its secret link.</summary>
    public static string PendingPhoto(int reportId, string token, string storageKey) => $"{Pending(reportId, token)}/photos/{storageKey}";
}
