using FixIt.Domain.Inbound;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.ToTable("InboundMessages");
        builder.Property(m => m.ChannelKey).HasMaxLength(300);
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.EnvelopeFrom).HasMaxLength(320);
        builder.Property(m => m.ReplyKey).HasMaxLength(40);
        builder.Property(m => m.MessageId).HasMaxLength(250);
        builder.Property(m => m.Outcome).HasMaxLength(2000);
        builder.Property(m => m.DkimDomain).HasMaxLength(253);
        builder.Property(m => m.Raw).IsRequired();

        // Unique: two IMAP pollers that both see a message store it once.
        builder.HasIndex(m => m.ChannelKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.ReceivedAt });
        builder.HasIndex(m => new { m.MessageId, m.ReplyKey });
        builder.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class UpdatePhotoConfiguration : IEntityTypeConfiguration<UpdatePhoto>
{
    public void Configure(EntityTypeBuilder<UpdatePhoto> builder)
    {
        builder.ToTable("UpdatePhotos");
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.Property(p => p.ContentType).HasMaxLength(100);
        builder.Property(p => p.StoredName).HasMaxLength(200);
        builder.HasIndex(p => p.ReportEventId);
        builder.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportEvent>().WithMany().HasForeignKey(p => p.ReportEventId).OnDelete(DeleteBehavior.NoAction);
    }
}
