using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>One app with the SMTP listener per provider, shared by the tests of the "inbound mail" collection.</summary>
public sealed class InboundMailFixture : PerProviderApps<InboundMailApp>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    protected override Task<InboundMailApp> StartAsync(DatabaseProvider provider) => InboundMailApp.StartAsync(provider);
}

[CollectionDefinition(Name)]
public sealed class InboundMailCollection : ICollectionFixture<InboundMailFixture>
{
    public const string Name = "inbound mail";
}
