namespace FixIt.Domain.Reports;

/// <summary>
/// A status as residents and operators read it, the same on pages, feeds and emails: "In progress", "Unable to fix".
/// The words follow FixMyStreet's (e.g. "Not the responsibility of this organisation" for not_responsible).
/// </summary>
public static class ReportStatusWording
{
    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Unconfirmed => "Awaiting confirmation",
        ReportStatus.InProgress => "In progress",
        ReportStatus.ActionScheduled => "Action scheduled",
        ReportStatus.NotResponsible => "Not the responsibility of this organisation",
        ReportStatus.UnableToFix => "Unable to fix",
        _ => status.ToString(),
    };
}
