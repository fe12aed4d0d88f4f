using FixIt.Domain.Moderation;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.ActorId).HasMaxLength(200);
        builder.Property(e => e.ActorName).HasMaxLength(TextLimits.ActorName.StorageLength);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(300);
        builder.Property(e => e.Reason).HasMaxLength(TextLimits.ModerationReason.StorageLength);

        // No foreign key to the report: the record outlives what it is about (an unconfirmed report that expires).
        builder.HasIndex(e => e.ReportId);
        builder.HasIndex(e => new { e.Action, e.Id });
        builder.HasIndex(e => new { e.ActorId, e.Id });
    }
}
