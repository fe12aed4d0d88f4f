using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Application.Features.Alerts;
using FixIt.Application.Features.Alerts.SendAlertDigests;
using FixIt.Application.Features.Alerts.SendAlerts;
using FixIt.Application.Features.FollowUp;
using FixIt.Application.Features.Moderation;
using FixIt.Application.Features.Moderation.SendFlagDigest;
using FixIt.Application.Features.FollowUp.EscalateReports;
using FixIt.Application.Features.FollowUp.ExpireUnconfirmed;
using FixIt.Application.Features.FollowUp.SendQuestionnaires;
using FixIt.Application.Features.FollowUp.SendReminders;
using FixIt.Application.Features.Privacy;
using FixIt.Application.Features.Privacy.OpenMyReportsLink;
using FixIt.Application.Features.Retention;
using FixIt.Application.Features.Retention.AnonymiseClosedReports;
using FixIt.Application.Features.Retention.DeleteOldInboundMail;
using FixIt.Application.Features.Retention.DeleteOldMailBodies;
using FixIt.Infrastructure.Mail.Composition;
using FixIt.Infrastructure.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>The follow-up settings, mail and jobs. The runner itself is background work (<see cref="AddFixItScheduler"/>).</summary>
    public static IServiceCollection AddFixItFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>();
        services.AddScoped<IFollowUpMailer, FollowUpMailer>();

        // The scheduled jobs: one line each (docs/architecture.md, "Scheduled jobs").
        services.AddScheduledJob<SendRemindersCommand>();
        services.AddScheduledJob<EscalateReportsCommand>();
        services.AddScheduledJob<SendQuestionnairesCommand>();
        services.AddScheduledJob<ExpireUnconfirmedCommand>();

        // Residents' data: what is kept, and for how long (docs/privacy.md).
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, ProblemsValidator<RetentionOptions>>(
            _ => new ProblemsValidator<RetentionOptions>(o => o.Problems()));
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, ProblemsValidator<PrivacyOptions>>(
            _ => new ProblemsValidator<PrivacyOptions>(o => o.Problems()));
        services.AddScheduledJob<AnonymiseClosedReportsCommand>();
        services.AddScheduledJob<DeleteOldInboundMailCommand>();
        services.AddScheduledJob<DeleteOldMailBodiesCommand>();
        services.AddScheduledJob<DeleteExpiredMyReportsLinksCommand>();
        // Alerts for a place (ADR 0105): the mail, this instance's index, the match and digest jobs.
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, ProblemsValidator<AlertOptions>>(_ => new ProblemsValidator<AlertOptions>(o => o.Problems()));
        services.AddScoped<IAlertMailer, AlertMailer>();
        services.AddSingleton<AlertIndexHolder>();
        services.AddScheduledJob<SendAlertsCommand>();
        services.AddScheduledJob<SendAlertDigestsCommand>();
        // Flags ("report this as inappropriate", ADR 0155): the staff digest.
        services.AddOptions<FlagOptions>().Bind(configuration.GetSection(FlagOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FlagOptions>, ProblemsValidator<FlagOptions>>(_ => new ProblemsValidator<FlagOptions>(o => o.Problems()));
        services.AddScoped<IFlagDigestMailer, FlagDigestMailer>();
        services.AddScheduledJob<SendFlagDigestCommand>();
        return services;
    }

    public static IServiceCollection AddFixItScheduler(this IServiceCollection services) =>
        services.AddHostedService<ScheduledJobRunner>();

    /// <summary>Names every bad setting of a section at start, not just the first.</summary>
    private sealed class ProblemsValidator<TOptions>(Func<TOptions, IEnumerable<string>> problemsOf) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var problems = problemsOf(options).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    /// <summary>Names every bad follow-up setting at start, not just the first.</summary>
    private sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
    {
        public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
