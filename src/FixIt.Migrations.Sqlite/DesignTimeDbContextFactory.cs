using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FixIt.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FixItDbContext>
{
    public FixItDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<FixItDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new FixItDbContext(builder.Options);
    }
}
