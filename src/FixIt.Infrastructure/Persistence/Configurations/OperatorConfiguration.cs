using FixIt.Domain.Operators;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class OperatorConfiguration : IEntityTypeConfiguration<Operator>
{
    public void Configure(EntityTypeBuilder<Operator> builder)
    {
        builder.ToTable("Operators");
        builder.Property(o => o.Name).HasMaxLength(TextLimits.OperatorName.StorageLength).IsPublicText();
        builder.Property(o => o.Slug).HasMaxLength(100);
        builder.Property(o => o.Kind).HasMaxLength(50);
        builder.Property(o => o.EscalationEmail).HasMaxLength(254);
        // Operators that existed before deactivation did are active; the sentinel lets EF write an explicit false.
        builder.Property(o => o.IsActive).HasDefaultValue(true).HasSentinel(true);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OperatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OperatorContactConfiguration : IEntityTypeConfiguration<OperatorContact>
{
    public void Configure(EntityTypeBuilder<OperatorContact> builder)
    {
        builder.ToTable("OperatorContacts");
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Cc).HasMaxLength(1000);
        builder.Property(c => c.BounceReason).HasMaxLength(500);
        builder.HasIndex(c => new { c.OperatorId, c.CategoryId });
        builder.HasOne<FixIt.Domain.Categories.Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
