using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>One app per provider with mail both ways (outbound into a sink, the inbound listener) and Open311 write keys.</summary>
public sealed class PublicTextFixture : PerProviderApps<InboundMailApp>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    protected override Task<InboundMailApp> StartAsync(DatabaseProvider provider) => InboundMailApp.StartAsync(provider, Open311Fixture.Settings);
}

[CollectionDefinition(Name)]
public sealed class PublicTextCollection : ICollectionFixture<PublicTextFixture>
{
    public const string Name = "public text";
}
