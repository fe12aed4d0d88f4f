using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReplyKeyConfiguration : IEntityTypeConfiguration<ReplyKey>
{
    public void Configure(EntityTypeBuilder<ReplyKey> builder)
    {
        // The migration that introduced this table copies each report's old key into it; keep the names in step.
        builder.ToTable("ReplyKeys");
        builder.Property(k => k.Key).HasMaxLength(40);
        builder.Property(k => k.Address).HasMaxLength(254);
        builder.HasIndex(k => k.Key).IsUnique();
        builder.HasIndex(k => new { k.ReportId, k.Holder });
        builder.HasOne<Report>().WithMany().HasForeignKey(k => k.ReportId).OnDelete(DeleteBehavior.Cascade);

        // Operator, contact and subscription ids are references without foreign keys: an admin replacing an
        // operator's contacts gives them new ids, and the operator's key must keep working.
    }
}
