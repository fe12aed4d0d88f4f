using System.Security.Cryptography;
using System.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Open311;

/// <summary>One app per provider with two Open311 write keys configured: one by its hash, one as itself.</summary>
public sealed class Open311Fixture : PerProviderApps<FixItApp>
{
    public const string HashedKey = "o311-key-kept-as-a-hash";
    public const string PlainKey = "o311-key-kept-plain";

    public static TheoryData<DatabaseProvider, string> ProvidersAndFormats => new()
    {
        { DatabaseProvider.Sqlite, "json" },
        { DatabaseProvider.Sqlite, "xml" },
        { DatabaseProvider.PostgreSql, "json" },
        { DatabaseProvider.PostgreSql, "xml" },
    };

    public static Dictionary<string, string?> Settings => new()
    {
        ["Open311:ApiKeys:0"] = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(HashedKey))),
        ["Open311:ApiKeys:1"] = PlainKey,
    };

    protected override Task<FixItApp> StartAsync(DatabaseProvider provider) => FixItApp.StartAsync(provider, Settings);
}

[CollectionDefinition(Name)]
public sealed class Open311Collection : ICollectionFixture<Open311Fixture>
{
    public const string Name = "open311";
}
