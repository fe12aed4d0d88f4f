using FixIt.Domain.Alerts;
using FixIt.Domain.Areas;
using FixIt.Domain.Categories;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class AreaAlertConfiguration : IEntityTypeConfiguration<AreaAlert>
{
    public void Configure(EntityTypeBuilder<AreaAlert> builder)
    {
        builder.ToTable("AreaAlerts");
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.Language).HasMaxLength(16);
        // The digest job's "due daily alerts"; the expiry job's "unconfirmed and old".
        builder.HasIndex(a => new { a.Frequency, a.NextDigestAt });
        builder.HasIndex(a => new { a.ConfirmedAt, a.CreatedAt });
        // An alert for an area that is deleted goes with it: it could never match again.
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Categories).WithOne().HasForeignKey(c => c.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Categories).HasField("_categories").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.IsActive);
    }
}

internal sealed class AreaAlertCategoryConfiguration : IEntityTypeConfiguration<AreaAlertCategory>
{
    public void Configure(EntityTypeBuilder<AreaAlertCategory> builder)
    {
        builder.ToTable("AreaAlertCategories");
        builder.HasKey(c => new { c.AlertId, c.CategoryId });
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AreaAlertMatchConfiguration : IEntityTypeConfiguration<AreaAlertMatch>
{
    public void Configure(EntityTypeBuilder<AreaAlertMatch> builder)
    {
        builder.ToTable("AreaAlertMatches");
        builder.HasIndex(m => new { m.AlertId, m.ReportId }).IsUnique();
        builder.HasOne<AreaAlert>().WithMany().HasForeignKey(m => m.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertTokenConfiguration : IEntityTypeConfiguration<AlertToken>
{
    public void Configure(EntityTypeBuilder<AlertToken> builder)
    {
        builder.ToTable("AlertTokens");
        builder.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne(t => t.Alert).WithMany().HasForeignKey(t => t.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.IsSingleUse);
        builder.Ignore(t => t.IsUsed);
    }
}

internal sealed class AlertVersionConfiguration : IEntityTypeConfiguration<AlertVersion>
{
    public void Configure(EntityTypeBuilder<AlertVersion> builder)
    {
        builder.ToTable("AlertVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new AlertVersion { Id = AlertVersion.SingletonId, Version = 1 });
    }
}
