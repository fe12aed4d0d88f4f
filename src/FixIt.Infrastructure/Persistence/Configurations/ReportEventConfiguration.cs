using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.ToTable("ReportEvents");
        builder.Property(e => e.Actor).HasMaxLength(TextLimits.ActorName.StorageLength).IsPublicText();
        builder.Property(e => e.PublicText).HasMaxLength(TextLimits.EventText.StorageLength).IsPublicText();
        builder.HasIndex(e => new { e.ReportId, e.At });
    }
}
