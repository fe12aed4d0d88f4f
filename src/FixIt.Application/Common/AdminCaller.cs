namespace FixIt.Application.Common;

/// <summary>Who is calling the admin API: an admin, or a read-only key of one operator.</summary>
public sealed record AdminCaller(bool IsAdmin, int? OperatorId)
{
    public static AdminCaller Admin { get; } = new(true, null);

    /// <summary>Whether this caller may see data of that operator.</summary>
    public bool MaySee(int operatorId) => IsAdmin || OperatorId == operatorId;
}

/// <summary>An operator-scoped key asked for another operator's data; becomes a 403.</summary>
public sealed class OutOfScopeException(string what) : Exception($"This API key may not see {what}.");
