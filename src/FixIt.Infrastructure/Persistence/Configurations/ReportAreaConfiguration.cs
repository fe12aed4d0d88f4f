using FixIt.Domain.Areas;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportAreaConfiguration : IEntityTypeConfiguration<ReportArea>
{
    public void Configure(EntityTypeBuilder<ReportArea> builder)
    {
        builder.ToTable("ReportAreas");
        builder.HasKey(a => new { a.ReportId, a.AreaId });
        // "Reports in area 7" (map filter, feeds) reads this index only: area first, then the report ids in order.
        builder.HasIndex(a => new { a.AreaId, a.ReportId });
        // A deleted area is no longer anywhere; its rows go with it.
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
