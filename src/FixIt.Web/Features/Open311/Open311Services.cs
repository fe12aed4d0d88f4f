namespace FixIt.Web.Features.Open311;

internal static class Open311Services
{
    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.SectionName))
            .Validate(o => o.HasValidKeys(), "Open311:ApiKeys entries must be a key, or \"sha256:\" followed by 64 hex digits.")
            .Validate(o => o.EndpointType is "production" or "test", "Open311:EndpointType must be production or test.")
            .ValidateOnStart();
        services.AddSingleton<IOpen311KeyValidator, ConfiguredOpen311KeyValidator>();
        return services;
    }
}
