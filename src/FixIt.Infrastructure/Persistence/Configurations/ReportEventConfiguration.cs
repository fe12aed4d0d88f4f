using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.ToTable("ReportEvents");
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.PublicText).HasMaxLength(10000).IsPublicText();
        builder.HasIndex(e => new { e.ReportId, e.At });
    }
}
