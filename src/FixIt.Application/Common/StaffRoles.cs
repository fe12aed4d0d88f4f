namespace FixIt.Application.Common;

/// <summary>
/// The roles of staff accounts (docs/moderation.md): <c>admin</c> runs the site, <c>moderator</c> moderates every report,
/// <c>operator</c> staff act on the reports of the operators they work for. API keys use <c>admin</c> and <c>operator</c>
/// with the same meaning.
/// </summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Moderator = "moderator";
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Admin, Moderator, Operator];

    public static bool IsKnown(string? role) => role is Admin or Moderator or Operator;
}

/// <summary>A signed-in staff member as a use case sees them: their account id and role.</summary>
public sealed record StaffCaller(int StaffUserId, string Role)
{
    /// <summary>Admins and moderators act on every operator's reports; operator staff only on their operators' (a row each).</summary>
    public bool ActsForEveryOperator => Role is StaffRoles.Admin or StaffRoles.Moderator;
}
