using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportDeclineConfiguration : IEntityTypeConfiguration<ReportDecline>
{
    public void Configure(EntityTypeBuilder<ReportDecline> builder)
    {
        builder.ToTable("ReportDeclines");
        // Room above the 1,000 characters accepted: scrubbing a secret link may lengthen the text.
        builder.Property(d => d.Reason).HasMaxLength(TextLimits.DeclineReason.StorageLength).IsPublicText();
        builder.HasIndex(d => new { d.ReportId, d.OperatorId });
        builder.HasOne<Operator>().WithMany().HasForeignKey(d => d.OperatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
