using FixIt.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Staff;

public static class StaffRegistration
{
    /// <summary>
    /// ASP.NET Core Identity over <see cref="FixItDbContext"/>: users, roles, sign-in, TOTP and reset tokens. The cookies
    /// that carry a signed-in staff member are the web layer's (it decides how a browser is answered).
    /// </summary>
    public static IServiceCollection AddFixItStaffAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.SectionName))
            .PostConfigure(o => o.RequireTwoFactorForAdmins ??= !environment.IsDevelopment())
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(30), "Staff:LinkLifetime must be more than 0 and at most 30 days.")
            .Validate(o => o.LockoutAttempts is >= 1 and <= 100, "Staff:LockoutAttempts must be between 1 and 100.")
            .Validate(o => o.LockoutDuration > TimeSpan.Zero && o.LockoutDuration <= TimeSpan.FromDays(1), "Staff:LockoutDuration must be more than 0 and at most a day.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddIdentityCore<StaffUser>()
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<FixItDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            // Registered after the defaults, so it replaces Identity's authenticator provider under the same name.
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffOptions>>((identity, staff) =>
        {
            // Length over composition rules (NIST SP 800-63B): a long passphrase is welcome, "Passw0rd!" is not needed.
            identity.Password.RequiredLength = 12;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 4;
            identity.User.RequireUniqueEmail = true;
            // The user name is the email address, checked by FixIt's one address rule (EmailAddresses) before Identity sees it.
            identity.User.AllowedUserNameCharacters = "";
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = staff.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = staff.Value.LockoutDuration;
        });
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<StaffOptions>>((tokens, staff) =>
            tokens.TokenLifespan = staff.Value.LinkLifetime);
        services.AddScoped<StaffMail>();
        services.AddScoped<StaffAccounts>();
        return services;
    }
}
