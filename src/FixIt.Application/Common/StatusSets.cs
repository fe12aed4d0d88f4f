using FixIt.Domain.Reports;

namespace FixIt.Application.Common;

/// <summary>The statuses of each status type, as lists a query can put in an IN clause.</summary>
public static class StatusSets
{
    public static IReadOnlyList<ReportStatus> Of(StatusType type) =>
        [.. Enum.GetValues<ReportStatus>().Where(s => ReportStatusRules.TypeOf(s) == type)];

    /// <summary>Every status the public may see: all but the hidden type.</summary>
    public static IReadOnlyList<ReportStatus> Public { get; } =
        [.. Enum.GetValues<ReportStatus>().Where(ReportStatusRules.IsPublic)];

    public static IReadOnlyList<ReportStatus> Open { get; } = Of(StatusType.Open);

    /// <summary>A public status type, or every public status when none is given.</summary>
    public static IReadOnlyList<ReportStatus> PublicOf(StatusType? type) =>
        type is null or StatusType.Hidden ? Public : Of(type.Value);
}
