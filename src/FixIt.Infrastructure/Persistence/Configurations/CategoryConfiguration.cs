using FixIt.Domain.Categories;
using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.CategoryName.StorageLength).IsPublicText();
        builder.Property(c => c.Group).HasMaxLength(TextLimits.CategoryGroup.StorageLength).IsPublicText();
        builder.Property(c => c.Description).HasMaxLength(TextLimits.CategoryDescription.StorageLength).IsPublicText();
        builder.HasIndex(c => c.Code).IsUnique();
        // Extra questions are read and written whole with their category: one JSON column.
        builder.OwnsMany(c => c.ExtraQuestions, q =>
        {
            q.ToJson();
            q.OwnsMany(x => x.Values);
        });
    }
}
