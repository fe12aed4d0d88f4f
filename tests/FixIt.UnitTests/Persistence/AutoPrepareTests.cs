using FixIt.Infrastructure.Persistence;
using Npgsql;

namespace FixIt.UnitTests.Persistence;

public sealed class AutoPrepareTests
{
    [Fact]
    public void PostgreSQL_statements_are_prepared_automatically_when_the_connection_string_is_silent()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithAutoPrepare("Host=db;Username=fixit;Password=secret;Database=fixit"));

        Assert.Equal(50, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Database=fixit;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=fixit;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Database=fixit;max auto prepare=7", 7)]
    public void An_explicit_setting_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithAutoPrepare(connectionString)).MaxAutoPrepare);
}
