using FixIt.Domain.Areas;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.ToTable("Areas");
        builder.Property(a => a.Name).HasMaxLength(TextLimits.AreaName.StorageLength).IsPublicText();
        builder.Property(a => a.Code).HasMaxLength(100);
        builder.Property(a => a.Kind).HasMaxLength(50);
        builder.Property(a => a.Source).HasMaxLength(500);
        builder.HasIndex(a => new { a.Kind, a.Code }).IsUnique();
    }
}
