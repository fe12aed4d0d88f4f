using FixIt.Domain.Categories;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.Property(r => r.Title).HasMaxLength(TextLimits.ReportTitle.StorageLength).IsPublicText();
        builder.Property(r => r.Description).HasMaxLength(TextLimits.ReportDescription.StorageLength).IsPublicText();
        builder.Property(r => r.ReporterName).HasMaxLength(TextLimits.ReporterName.StorageLength).IsPublicText();
        builder.Property(r => r.ReporterEmail).HasMaxLength(254);
        builder.Property(r => r.ReporterPhone).HasMaxLength(30);
        builder.Property(r => r.RoutingExplanation).HasMaxLength(500);
        builder.Property(r => r.Open311Token).HasMaxLength(40);
        builder.HasIndex(r => r.Open311Token).IsUnique();
        builder.Property(r => r.DeviceId).HasMaxLength(100);
        builder.Property(r => r.AccountId).HasMaxLength(100);
        builder.Property(r => r.MediaUrl).HasMaxLength(2000);
        builder.Property(r => r.Address).HasMaxLength(TextLimits.Address.StorageLength).IsPublicText();
        builder.Property(r => r.NearPlace).HasMaxLength(200).IsPublicText();
        builder.Property(r => r.Language).HasMaxLength(16);
        // Read and written whole with the report, like a category's questions: one JSON column.
        builder.OwnsMany(r => r.Attributes, a =>
        {
            a.ToJson();
            a.Property(x => x.Code).HasMaxLength(64);
        });
        builder.Navigation(r => r.Attributes).HasField("_attributes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        // Operator figures at a million reports (docs/benchmarks.md): each figure is one index-only scan; status is in
        // every key because the figures count public reports only.
        builder.HasIndex(r => new { r.OperatorId, r.Status, r.CategoryId });
        builder.HasIndex(r => new { r.OperatorId, r.SecondsToAcknowledge, r.Status, r.ConfirmedAt });
        builder.HasIndex(r => new { r.OperatorId, r.SecondsToFix, r.Status });
        builder.HasIndex(r => new { r.OperatorId, r.ConfirmedAt, r.Status });
        builder.HasIndex(r => new { r.OperatorId, r.Status, r.ConfirmedAt });
        builder.HasIndex(r => new { r.OperatorId, r.FixedAt, r.Status });
        // The bbox API walks this in longitude order and stops at its limit; status in the key spares a row read per miss.
        builder.HasIndex(r => new { r.Longitude, r.Latitude, r.Status });
        // The alerts job's "not matched yet", oldest first (ADR 0105).
        builder.HasIndex(r => new { r.AlertsDue, r.Id });
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Operator>().WithMany().HasForeignKey(r => r.OperatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Areas).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Areas).HasField("_areas").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Declines).WithOne().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Declines).HasField("_declines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.StatusType);
        builder.Ignore(r => r.IsUnrouted);
        builder.Ignore(r => r.PublicReporterName);
        builder.Ignore(r => r.IsContactErased);
        builder.Ignore(r => r.DeclinedOperators);
    }
}
