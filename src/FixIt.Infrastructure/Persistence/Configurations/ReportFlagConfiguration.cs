using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportFlagConfiguration : IEntityTypeConfiguration<ReportFlag>
{
    public void Configure(EntityTypeBuilder<ReportFlag> builder)
    {
        builder.ToTable("ReportFlags");
        builder.Property(f => f.Details).HasMaxLength(TextLimits.FlagDetails.StorageLength);
        builder.Property(f => f.FlaggerKey).HasMaxLength(64).IsFixedLength();

        // The key already names the item, so one unique index keeps each client to one open flag per item.
        builder.HasIndex(f => f.FlaggerKey).IsUnique();
        // The queue reads the open flags; the digest the ones not yet sent.
        builder.HasIndex(f => new { f.DismissedAt, f.ReportId });
        builder.HasIndex(f => new { f.DigestedAt, f.Id });
        builder.HasOne<Report>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(f => f.IsOpen);
    }
}
