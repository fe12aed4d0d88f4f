using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FixIt.Application;

public static class DependencyInjection
{
    /// <summary>Validators of the use cases. The mediator itself is generated in the host project.</summary>
    public static IServiceCollection AddFixItApplication(this IServiceCollection services)
    {
        // Field names in validation messages in the request's language (FieldNames); set once, for every validator.
        ValidatorOptions.Global.MessageFormatterFactory = () => new Common.LocalizedMessageFormatter();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        // UTC unless the host registers the configured zone (the web host does, from Site:TimeZone).
        services.TryAddSingleton(Common.SiteTimeZone.Utc);
        // The web host replaces it with the request's caller (ADR 0208).
        services.TryAddSingleton<Abstractions.ICurrentStaff, Abstractions.CommandLineStaff>();
        services.AddScoped<Common.ConfigurationAudit>();
        services.AddScoped<Features.Reports.SearchReports.ReportSummaries>();
        services.AddScoped<Features.Operators.OperatorStatistics>();
        services.AddScoped<Features.Places.NearestPlace.NearestPlaceFinder>();
        services.AddScoped<Features.Reports.SubmitReport.SubmissionBatch>();
        return services;
    }
}
