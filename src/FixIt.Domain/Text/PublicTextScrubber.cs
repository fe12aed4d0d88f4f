namespace FixIt.Domain.Text;

/// <summary>
/// Text as FixIt may publish it: characters no page, feed or export can hold taken out (<see cref="TextCharacters"/>)
/// and FixIt's own secret links and key addresses replaced by markers (<see cref="SecretLinkScrubber"/>). Applied
/// where public text is created (a report's title and description, every timeline entry) and again where stored
/// text is read, so rows written before a rule existed are safe too.
/// </summary>
public static class PublicTextScrubber
{
    public static string Scrub(string text) => SecretLinkScrubber.Scrub(TextCharacters.Clean(text));

    public static string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);
}
