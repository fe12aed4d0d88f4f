using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Open311.Requests;

/// <summary>
/// One public report as Open311 shows it. Nothing here identifies the reporter: no email, phone or name
/// (the updates' actor is the operator's or FixIt's name, or "The reporter": never the reporter's own name).
/// </summary>
public sealed record ServiceRequestView(
    int Id,
    ReportStatus Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string Title,
    string Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    string? Address,
    double Latitude,
    double Longitude,
    string? MediaUrl,
    IReadOnlyList<ServiceRequestUpdate> Updates)
{
    /// <summary>Open311 knows two statuses: open, and closed (which covers fixed).</summary>
    public string Open311Status => Open311StatusOf(Status);

    public static string Open311StatusOf(ReportStatus status) =>
        ReportStatusRules.TypeOf(status) == StatusType.Open ? "open" : "closed";
}

/// <summary>A public status change or note, for the extensions' history.</summary>
public sealed record ServiceRequestUpdate(long Id, DateTimeOffset At, ReportStatus Status, bool StatusChanged, string? Text, string Actor);
