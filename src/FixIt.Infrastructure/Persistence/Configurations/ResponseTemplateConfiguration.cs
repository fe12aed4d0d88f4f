using FixIt.Domain.Categories;
using FixIt.Domain.Operators;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class ResponseTemplateConfiguration : IEntityTypeConfiguration<ResponseTemplate>
{
    public void Configure(EntityTypeBuilder<ResponseTemplate> builder)
    {
        builder.ToTable("ResponseTemplates");
        builder.Property(t => t.Title).HasMaxLength(TextLimits.ResponseTemplateTitle.StorageLength);
        builder.Property(t => t.Text).HasMaxLength(TextLimits.OperatorText.StorageLength);
        // An operator's chooser lists its own templates by title.
        builder.HasIndex(t => new { t.OperatorId, t.Title });
        builder.HasOne<Operator>().WithMany().HasForeignKey(t => t.OperatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
