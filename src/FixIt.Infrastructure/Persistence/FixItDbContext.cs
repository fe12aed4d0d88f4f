using FixIt.Application.Abstractions;
using FixIt.Domain.Access;
using FixIt.Domain.Alerts;
using FixIt.Domain.Areas;
using FixIt.Domain.Categories;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Operators;
using FixIt.Domain.Places;
using FixIt.Domain.Privacy;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence.Configurations;
using FixIt.Infrastructure.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FixIt.Infrastructure.Persistence;

/// <remarks>Also ASP.NET Core Identity's store of staff accounts (<see cref="StaffUser"/>, ADR 0130).</remarks>
public sealed class FixItDbContext(DbContextOptions<FixItDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<int>, int>(options), IFixItDb, IDataProtectionKeyContext
{
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();

    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Operator> Operators => Set<Operator>();

    public DbSet<OperatorContact> OperatorContacts => Set<OperatorContact>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<RoutingVersion> RoutingVersions => Set<RoutingVersion>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();

    public DbSet<UpdatePhoto> UpdatePhotos => Set<UpdatePhoto>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<MailOptOut> MailOptOuts => Set<MailOptOut>();

    public DbSet<ReplyKey> ReplyKeys => Set<ReplyKey>();

    public DbSet<ReportSubscription> ReportSubscriptions => Set<ReportSubscription>();

    public DbSet<ReportSupport> ReportSupports => Set<ReportSupport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<MailboxDailyCount> MailboxDailyCounts => Set<MailboxDailyCount>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<PlaceKey> PlaceKeys => Set<PlaceKey>();

    public DbSet<MyReportsToken> MyReportsTokens => Set<MyReportsToken>();

    public DbSet<Erasure> Erasures => Set<Erasure>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<BlockedSender> BlockedSenders => Set<BlockedSender>();

    public DbSet<StaffOperator> StaffOperators => Set<StaffOperator>();

    public DbSet<ResponseTemplate> ResponseTemplates => Set<ResponseTemplate>();

    public DbSet<AreaAlert> AreaAlerts => Set<AreaAlert>();

    public DbSet<AreaAlertMatch> AreaAlertMatches => Set<AreaAlertMatch>();

    public DbSet<AlertToken> AlertTokens => Set<AlertToken>();

    public DbSet<AlertVersion> AlertVersions => Set<AlertVersion>();

    public DbSet<ReportFlag> ReportFlags => Set<ReportFlag>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit log is append-only through the application: an entry is added once, never changed or deleted.
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } entry)
        {
            throw new AuditLogWriteException(entry.Entity.Id, entry.State.ToString());
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        StaffUserConfiguration.NameIdentityTables(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FixItDbContext).Assembly);

        // Place keys are compared as code points ("key >= q and key < q's successor" is a prefix search only in that
        // order): PostgreSQL's "C" and SQL Server's BIN2 collations; SQLite's default BINARY already is (ADR 0120).
        var binary = Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "C",
            "Microsoft.EntityFrameworkCore.SqlServer" => "Latin1_General_100_BIN2",
            _ => null,
        };
        if (binary is not null)
        {
            builder.Entity<PlaceKey>().Property(k => k.Key).UseCollation(binary);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        // SQLite cannot compare or order DateTimeOffset stored as text; all times are UTC, so a
        // binary (ticks) column keeps ordering and range queries in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
