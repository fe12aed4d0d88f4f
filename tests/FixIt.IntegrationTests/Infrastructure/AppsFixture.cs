using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>One running app per database provider, shared by the tests of the "apps" collection.</summary>
public sealed class AppsFixture : PerProviderApps<FixItApp>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    protected override Task<FixItApp> StartAsync(DatabaseProvider provider) => FixItApp.StartAsync(provider);
}

[CollectionDefinition(Name)]
public sealed class AppsCollection : ICollectionFixture<AppsFixture>
{
    public const string Name = "apps";
}
