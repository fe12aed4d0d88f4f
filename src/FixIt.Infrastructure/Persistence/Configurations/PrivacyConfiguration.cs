using FixIt.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class MyReportsTokenConfiguration : IEntityTypeConfiguration<MyReportsToken>
{
    public void Configure(EntityTypeBuilder<MyReportsToken> builder)
    {
        builder.ToTable("MyReportsTokens");
        builder.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.Property(t => t.Email).HasMaxLength(254);
        builder.HasIndex(t => t.Email);
        builder.HasIndex(t => t.ExpiresAt);
        builder.Ignore(t => t.IsUsed);
    }
}

internal sealed class ErasureConfiguration : IEntityTypeConfiguration<Erasure>
{
    public void Configure(EntityTypeBuilder<Erasure> builder)
    {
        builder.ToTable("Erasures");
        builder.Property(e => e.AddressHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => e.AddressHash);
    }
}
