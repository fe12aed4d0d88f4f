using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class BlockedSenderConfiguration : IEntityTypeConfiguration<BlockedSender>
{
    public void Configure(EntityTypeBuilder<BlockedSender> builder)
    {
        builder.ToTable("BlockedSenders");
        builder.Property(b => b.Value).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(b => b.Reason).HasMaxLength(TextLimits.ModerationReason.StorageLength);
        builder.Property(b => b.BlockedById).HasMaxLength(200);
        builder.Property(b => b.BlockedByName).HasMaxLength(TextLimits.ActorName.StorageLength);

        // Every check is "is any of these few keys in the list": one index seek.
        builder.HasIndex(b => b.Value).IsUnique();
    }
}
