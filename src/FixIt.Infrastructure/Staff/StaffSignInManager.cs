using System.Globalization;
using System.Security.Claims;
using FixIt.Application.Abstractions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Staff;

/// <summary>Identity's sign-in, refusing disabled accounts (their sessions already ended: disabling changes the security stamp).</summary>
internal sealed class StaffSignInManager(UserManager<StaffUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) => user.DisabledAt is null && await base.CanSignInAsync(user);
}

/// <summary>Adds the operators an operator staff member works for, and whether two-factor is on, to the principal.</summary>
internal sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> userManager, RoleManager<IdentityRole<int>> roleManager,
    IOptions<IdentityOptions> options, IFixItDb db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<int>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var operators = await db.StaffOperators.Where(s => s.StaffUserId == user.Id).Select(s => s.OperatorId).ToListAsync();
        foreach (var id in operators)
        {
            identity.AddClaim(new Claim(StaffClaims.Operator, id.ToString(CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(StaffClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
