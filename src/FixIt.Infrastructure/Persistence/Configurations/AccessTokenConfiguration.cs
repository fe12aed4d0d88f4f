using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.Property(t => t.Language).HasMaxLength(16);
        builder.HasIndex(t => new { t.ReportId, t.Purpose });
        builder.HasOne<Report>().WithMany().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);

        // Deleting a report already deletes its tokens; a second cascade path is one SQL Server refuses.
        builder.HasOne(t => t.Subscription).WithMany().HasForeignKey(t => t.SubscriptionId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasOne(t => t.Support).WithMany().HasForeignKey(t => t.SupportId).OnDelete(DeleteBehavior.ClientCascade);
    }
}

internal sealed class MailOptOutConfiguration : IEntityTypeConfiguration<MailOptOut>
{
    public void Configure(EntityTypeBuilder<MailOptOut> builder)
    {
        builder.ToTable("MailOptOuts");
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.HasIndex(o => new { o.ReportId, o.Email }).IsUnique();
        builder.HasOne<Report>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
