using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

public sealed class MimeFuzzTests
{
    [Fact]
    public void Thousands_of_malformed_and_random_messages_parse_or_are_refused_as_not_MIME()
    {
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "MailCorpus"), "*.eml").Select(File.ReadAllBytes).ToList();
        var options = new InboundMailOptions();
        var random = new Random(20250303);
        var failures = new List<string>();
        var unreadable = 0;

        for (var i = 0; i < 3000; i++)
        {
            var raw = MimeFuzz.Message(random, corpus);
            try
            {
                var parsed = InboundMailParser.Parse(raw, random.Next(3) == 0 ? "" : "x@example.org", random.Next(5) == 0, options);
                Assert.True(parsed.Mail.Text.Length <= InboundMailParser.MaxTextLength + 2);
                Assert.True(parsed.Photos.Count <= options.MaxPhotos);
            }
            catch (FormatException)
            {
                // Not MIME at all (no header block): the processor stores it as Failed, raw kept.
                unreadable++;
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                failures.Add($"#{i}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.InRange(unreadable, 0, 1500);
    }
}
