using System.Text;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using System.Text.Json;
using FixIt.Domain.Access;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Mail.Composition;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Infrastructure.Staff;

/// <summary>A staff account as the staff list and the command line show it.</summary>
public sealed record StaffMember(int Id, string Email, string Role, IReadOnlyList<string> OperatorSlugs, bool TwoFactor, bool HasPassword,
    bool Disabled, DateTimeOffset CreatedAt);

/// <summary>
/// The staff-account use cases every channel shares (the create-user and disable-user verbs, the staff list): they
/// speak Identity's <see cref="UserManager{TUser}"/>, which the application layer cannot, and run in one unit of work
/// each (ADR 0130). Bad input is a <see cref="ValidationException"/> naming the field, and nothing is saved. Every
/// change to an account (create, role, disable) writes an audit entry (<c>staff.*</c>, target <c>staff:&lt;id&gt;</c>) in
/// the same unit of work, and the last enabled admin can be neither demoted nor disabled: someone must still be able
/// to run FixIt without a shell on the server.
/// </summary>
internal sealed class StaffAccounts(UserManager<StaffUser> users, IFixItDb db, IUnitOfWork unitOfWork, StaffMail mail, MailboxCaps caps,
    TimeProvider clock)
{
    public const string SetPasswordPath = "admin/set-password";

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        var result = new List<StaffMember>(all.Count);
        foreach (var user in all)
        {
            result.Add(await DescribeAsync(user, cancellationToken));
        }

        return result;
    }

    public async Task<StaffMember?> FindAsync(int id, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } user
            ? await DescribeAsync(user, cancellationToken)
            : null;

    /// <summary>
    /// Creates the account. With a <paramref name="password"/> it is ready to sign in; without one, the answer is a
    /// single-use, expiring link to set it, emailed when <paramref name="emailInvitation"/> (otherwise only returned).
    /// </summary>
    public Task<string?> CreateAsync(string email, string role, IReadOnlyList<string> operatorSlugs, string? password, bool emailInvitation,
        StaffActor actor, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<string?>(async ct =>
        {
            var address = EmailAddresses.Normalize(email?.Trim()) ?? throw Invalid("email", "Give the person's email address, like name@example.org.");
            var operatorIds = await OperatorIdsAsync(role, operatorSlugs, ct);
            if (await users.FindByEmailAsync(address) is not null)
            {
                throw Invalid("email", $"There is already a staff account for {address}.");
            }

            var user = new StaffUser { UserName = address, Email = address, EmailConfirmed = password is not null, CreatedAt = clock.GetUtcNow() };
            Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            await SetOperatorsAsync(user.Id, operatorIds, ct);
            string? link = null;
            if (password is null)
            {
                link = await SetPasswordLinkAsync(user);
                if (emailInvitation)
                {
                    mail.QueueInvitation(address, role, link);
                }
            }

            Audit(actor, AuditActions.CreateStaff, user.Id, before: null, after: Describe(address, role, operatorSlugs, disabled: false));
            await db.SaveChangesAsync(ct);
            return link;
        }, cancellationToken);

    /// <summary>Changes the role and operators; the person's sessions pick the change up at their next request.</summary>
    public Task ChangeRoleAsync(int id, string role, IReadOnlyList<string> operatorSlugs, StaffActor actor, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var user = await RequireAsync(id);
            var operatorIds = await OperatorIdsAsync(role, operatorSlugs, ct);
            var before = await DescribeAsync(user, ct);
            if (role != StaffRoles.Admin && await IsLastAdminAsync(user))
            {
                throw Invalid("role", $"{user.Email} is the only admin left: make someone else an admin first, so someone can still run FixIt.");
            }

            Audit(actor, AuditActions.ChangeStaffRole, user.Id, Describe(before),
                Describe(before.Email, role, [.. operatorSlugs.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)], before.Disabled));
            Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            Check(await users.AddToRoleAsync(user, role));
            await SetOperatorsAsync(user.Id, operatorIds, ct);
            Check(await users.UpdateSecurityStampAsync(user));
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

    /// <summary>Disables the account: it can no longer sign in, and changing its security stamp ends every session it has.</summary>
    public Task<StaffMember> DisableAsync(string email, StaffActor actor, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var user = await users.FindByEmailAsync(EmailAddresses.Normalize(email?.Trim()) ?? "")
                ?? throw new NotFoundException("staff account", email ?? "");
            if (user.DisabledAt is null)
            {
                if (await IsLastAdminAsync(user))
                {
                    throw Invalid("email", $"{user.Email} is the only admin left: make someone else an admin first, so someone can still run FixIt.");
                }

                var before = await DescribeAsync(user, ct);
                Audit(actor, AuditActions.DisableStaff, user.Id, Describe(before), Describe(before with { Disabled = true }));
                await db.SaveChangesAsync(ct);
            }

            user.DisabledAt ??= clock.GetUtcNow();
            Check(await users.UpdateSecurityStampAsync(user));
            return await DescribeAsync(user, ct);
        }, cancellationToken);

    /// <summary>Emails a password-reset link to an enabled account; says nothing about whether the address has one.</summary>
    public Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            // Capped per mailbox and day like every email a stranger can ask FixIt to send (MailboxCaps:StaffPasswordResetsPerDay).
            if (EmailAddresses.Normalize(email?.Trim()) is { } address && await users.FindByEmailAsync(address) is { DisabledAt: null } user
                && await caps.TryTakeAsync(MailKind.StaffPasswordReset, address, null, ct))
            {
                mail.QueuePasswordReset(address, await SetPasswordLinkAsync(user));
                await db.SaveChangesAsync(ct);
            }

            return true;
        }, cancellationToken);

    /// <summary>
    /// Sets the password from an invitation or reset link. The link is Identity's reset token, bound to the account's
    /// security stamp, which setting the password changes: the link works once, and until <see cref="StaffOptions.LinkLifetime"/>.
    /// </summary>
    public async Task<IdentityResult> SetPasswordAsync(int id, string encodedToken, string password)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is not { DisabledAt: null } || Decode(encodedToken) is not { } token)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken());
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded && !user.EmailConfirmed)
        {
            // The link came by email: the address is the person's.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        return result;
    }

    /// <summary>Whether a set-password link is still good (for the page that shows its form).</summary>
    public async Task<bool> IsLinkValidAsync(int id, string encodedToken) =>
        await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { DisabledAt: null } user
        && Decode(encodedToken) is { } token
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, token);

    private async Task<string> SetPasswordLinkAsync(StaffUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return mail.Url($"{SetPasswordPath}/{user.Id}/{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}");
    }

    private static string? Decode(string encoded)
    {
        try
        {
            return encoded.Length is > 0 and <= 4096 ? Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether the account is an enabled admin and no other enabled admin exists.</summary>
    private async Task<bool> IsLastAdminAsync(StaffUser user) =>
        user.DisabledAt is null && await users.IsInRoleAsync(user, StaffRoles.Admin)
        && !(await users.GetUsersInRoleAsync(StaffRoles.Admin)).Any(other => other.Id != user.Id && other.DisabledAt is null);

    private void Audit(StaffActor actor, string action, int userId, string? before, string after) =>
        db.AuditEntries.Add(new AuditEntry(actor, action, clock.GetUtcNow(), reason: null,
            target: "staff:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture), before: before, after: after));

    private static string Describe(StaffMember member) => Describe(member.Email, member.Role, member.OperatorSlugs, member.Disabled);

    private static string Describe(string email, string role, IReadOnlyList<string> operators, bool disabled) =>
        JsonSerializer.Serialize(new { email, role, operators, disabled });

    private async Task<StaffUser> RequireAsync(int id) =>
        await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? throw new NotFoundException("staff account", id);

    private async Task<List<int>> OperatorIdsAsync(string role, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (!StaffRoles.IsKnown(role))
        {
            throw Invalid("role", "The role must be admin, moderator or operator.");
        }

        var wanted = slugs.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (role != StaffRoles.Operator)
        {
            return wanted.Count == 0 ? [] : throw Invalid("operator", "Only operator staff work for an operator; leave the operator out for admins and moderators.");
        }

        if (wanted.Count == 0)
        {
            throw Invalid("operator", "Operator staff need the operator (its slug) they work for.");
        }

        var found = await db.Operators.Where(o => wanted.Contains(o.Slug)).Select(o => new { o.Id, o.Slug }).ToListAsync(cancellationToken);
        var unknown = wanted.Except(found.Select(f => f.Slug), StringComparer.Ordinal).ToList();
        return unknown.Count == 0 ? [.. found.Select(f => f.Id)] : throw Invalid("operator", $"There is no operator '{unknown[0]}'.");
    }

    private async Task SetOperatorsAsync(int userId, List<int> operatorIds, CancellationToken cancellationToken)
    {
        var current = await db.StaffOperators.Where(s => s.StaffUserId == userId).ToListAsync(cancellationToken);
        db.StaffOperators.RemoveRange(current.Where(c => !operatorIds.Contains(c.OperatorId)));
        db.StaffOperators.AddRange(operatorIds.Where(id => current.All(c => c.OperatorId != id)).Select(id => new StaffOperator(userId, id)));
    }

    private async Task<StaffMember> DescribeAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var slugs = await db.StaffOperators.Where(s => s.StaffUserId == user.Id)
            .Join(db.Operators, s => s.OperatorId, o => o.Id, (s, o) => o.Slug).OrderBy(s => s).ToListAsync(cancellationToken);
        return new StaffMember(user.Id, user.Email ?? "", role, slugs, user.TwoFactorEnabled, user.PasswordHash is not null, user.DisabledAt is not null,
            user.CreatedAt);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email",
                e.Description)));
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
