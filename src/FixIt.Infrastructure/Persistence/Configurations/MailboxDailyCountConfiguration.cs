using FixIt.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class MailboxDailyCountConfiguration : IEntityTypeConfiguration<MailboxDailyCount>
{
    public const string Table = "MailboxDailyCounts";

    public void Configure(EntityTypeBuilder<MailboxDailyCount> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(c => new { c.Mailbox, c.Day, c.Kind });
        builder.Property(c => c.Mailbox).HasMaxLength(254);
        builder.HasIndex(c => c.Day);
    }
}
