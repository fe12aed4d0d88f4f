using FixIt.Application.Abstractions;
using FixIt.Infrastructure.Mail.Composition;
using FixIt.Infrastructure.Mail.Outbox;
using FixIt.Infrastructure.Mail.Sending;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail;

public static class MailRegistration
{
    public static IServiceCollection AddFixItMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();

        services.AddOptions<MailboxCapOptions>().Bind(configuration.GetSection(MailboxCapOptions.SectionName))
            .Validate(o => o.ReportConfirmationsPerDay >= 0 && o.SubscriptionConfirmationsPerDay >= 0 && o.SupportConfirmationsPerDay >= 0
                    && o.MyReportsLinksPerDay >= 0 && o.StaffPasswordResetsPerDay >= 0 && o.UpdateLinksPerDay >= 0,
                "MailboxCaps:ReportConfirmationsPerDay, :SubscriptionConfirmationsPerDay, :SupportConfirmationsPerDay, :MyReportsLinksPerDay, "
                + ":StaffPasswordResetsPerDay and :UpdateLinksPerDay must be 0 or more.")
            .ValidateOnStart();
        // The residents' emails are written from resource files (ResidentMailText); the Web host registers the same.
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddScoped<MailboxCaps>();
        services.AddScoped<ReportMailer>();
        services.AddScoped<IReportMailer>(sp => sp.GetRequiredService<ReportMailer>());
        services.AddScoped<IPersonMailer, PersonMailer>();
        services.AddScoped(sp => new OutboxRecorder(sp.GetRequiredService<FixItDbContext>(), sp.GetRequiredService<ReportMailer>(),
            sp.GetRequiredService<IOptions<MailOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SqliteWriteGate>()));

        services.AddSingleton(sp => new DevMailbox(PickupFolder(sp)));
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            return options.Transport == MailTransportKind.Smtp
                ? new SmtpMailTransport(new SmtpConnectionPool(options, clock), options, clock)
                : new PickupMailTransport(PickupFolder(sp), clock);
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static string PickupFolder(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<MailOptions>>().Value.PickupFolder;
        var data = services.GetRequiredService<DataFolder>();
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(data.Root, "mail") : Path.GetFullPath(configured, data.Root);
    }

    /// <summary>Names every bad mail setting at start, not just the first.</summary>
    private sealed class MailOptionsValidator : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
