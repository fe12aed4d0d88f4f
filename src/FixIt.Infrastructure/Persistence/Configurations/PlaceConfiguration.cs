using FixIt.Domain.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.ToTable("Places");
        builder.Property(p => p.Name).HasMaxLength(200).IsPublicText();
        builder.Property(p => p.Kind).HasMaxLength(50);
        builder.Property(p => p.Code).HasMaxLength(50);
        builder.Property(p => p.Source).HasMaxLength(500);
        // Reverse lookup reads the few cells around a point.
        builder.HasIndex(p => p.Cell);
        builder.HasIndex(p => p.Source);
        builder.HasMany(p => p.Keys).WithOne().HasForeignKey(k => k.PlaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Keys).HasField("_keys").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlaceKeyConfiguration : IEntityTypeConfiguration<PlaceKey>
{
    public void Configure(EntityTypeBuilder<PlaceKey> builder)
    {
        builder.ToTable("PlaceKeys");
        // The column's collation is the provider's binary one (FixItDbContext): ADR 0120.
        builder.Property(k => k.Key).HasMaxLength(100);
        builder.HasIndex(k => new { k.Key, k.Rank, k.PlaceId });
    }
}
