using FixIt.Domain.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FixIt.Infrastructure.Persistence.Configurations;

/// <summary>
/// Columns whose text is published. What is read from them is scrubbed (<see cref="PublicTextScrubber"/>) on the way
/// out of the database, so every page, feed, export and API shows rows stored before a rule existed as safely as new
/// ones; what is written is already scrubbed by the domain.
/// </summary>
internal static class PublicTextColumns
{
    private static readonly ValueConverter<string, string> ScrubOnRead = new(v => v, v => PublicTextScrubber.Scrub(v));

    public static PropertyBuilder<TProperty> IsPublicText<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasConversion(ScrubOnRead);
}
