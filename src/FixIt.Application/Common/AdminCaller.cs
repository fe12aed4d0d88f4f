namespace FixIt.Application.Common;

/// <summary>Who is calling the admin API: an admin, or a read-only key of one operator.</summary>
public sealed record AdminCaller(bool IsAdmin, int? OperatorId)
{
    public static AdminCaller Admin { get; } = new(true, null);

    /// <summary>Whether this caller may see data of that operator.</summary>
    public bool MaySee(int operatorId) => IsAdmin || OperatorId == operatorId;
}
