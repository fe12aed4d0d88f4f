using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> builder)
    {
        builder.ToTable("ReportSubscriptions");
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Language).HasMaxLength(16);
        builder.HasIndex(s => new { s.ReportId, s.Email }).IsUnique();
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsActive);
    }
}
