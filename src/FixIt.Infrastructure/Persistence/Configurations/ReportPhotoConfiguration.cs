using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> builder)
    {
        builder.ToTable("ReportPhotos");
        builder.Property(p => p.StorageKey).HasMaxLength(80);
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.HasIndex(p => p.StorageKey).IsUnique();
        builder.HasIndex(p => new { p.ReportId, p.Position }).IsUnique();
        builder.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
