using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportSupportConfiguration : IEntityTypeConfiguration<ReportSupport>
{
    public void Configure(EntityTypeBuilder<ReportSupport> builder)
    {
        builder.ToTable("ReportSupports");
        builder.Property(s => s.Mailbox).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.Language).HasMaxLength(16);

        // One "me too" per mailbox and report: the count is of people, not of button presses.
        builder.HasIndex(s => new { s.ReportId, s.Mailbox }).IsUnique();
        builder.HasIndex(s => new { s.ReportId, s.ConfirmedAt });
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsCounted);
    }
}
