using Microsoft.AspNetCore.Identity;

namespace FixIt.Infrastructure.Staff;

/// <summary>
/// A staff account (ASP.NET Core Identity's user): the email is the user name. Its one role is an Identity role
/// (<see cref="Application.Common.StaffRoles"/>); operator staff have <see cref="Domain.Access.StaffOperator"/> rows.
/// </summary>
public sealed class StaffUser : IdentityUser<int>
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an admin disabled the account: it cannot sign in, and its sessions ended then.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>When the person last typed their password (sign-in or re-authentication); role changes need a recent one.</summary>
    public DateTimeOffset? PasswordConfirmedAt { get; set; }
}
