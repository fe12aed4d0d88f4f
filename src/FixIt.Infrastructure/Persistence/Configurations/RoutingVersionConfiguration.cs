using FixIt.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class RoutingVersionConfiguration : IEntityTypeConfiguration<RoutingVersion>
{
    public void Configure(EntityTypeBuilder<RoutingVersion> builder)
    {
        builder.ToTable("RoutingVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new RoutingVersion { Id = RoutingVersion.SingletonId, Version = 1 });
    }
}
