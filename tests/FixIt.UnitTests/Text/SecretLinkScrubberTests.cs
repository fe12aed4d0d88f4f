using FixIt.Domain.Text;

namespace FixIt.UnitTests.Text;

public sealed class SecretLinkScrubberTests
{
    // The shapes FixIt writes: 43-character base64url link tokens, 24-character base32 keys.
    private const string Token = "Xk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8";
    private const string Key = "abcdefgh234567abcdefgh23";
    private const string Marker = SecretLinkScrubber.LinkMarker;

    [Theory]
    [InlineData("https://fixit.example.org/respond/" + Token + "/fixed")]
    [InlineData("https://fixit.example.org/confirm/" + Token)]
    [InlineData("https://fixit.example.org/unsubscribe/" + Token)]
    [InlineData("https://fixit.example.org/subscribe/" + Token)]
    [InlineData("https://fixit.example.org/open311/v2/tokens/" + Key + ".json")]
    [InlineData("http://localhost:5080/respond/" + Token + "/note")]
    [InlineData("https://some.other.host/RESPOND/" + Token + "/fixed")]
    [InlineData("fixit.example.org/respond/" + Token + "/fixed")]
    [InlineData("/respond/" + Token + "/fixed")]
    [InlineData("respond/" + Token + "/fixed")]
    [InlineData("https://fixit.example.org/respond/" + Token + "/fixed?utm_source=mail#top")]
    public void Token_links_are_removed_whatever_host_they_name(string link)
    {
        var scrubbed = SecretLinkScrubber.Scrub($"Mark it here: {link} thanks");

        Assert.Equal($"Mark it here: {Marker} thanks", scrubbed);
    }

    [Fact]
    public void An_angle_bracketed_link_loses_the_link_and_keeps_the_brackets()
    {
        var scrubbed = SecretLinkScrubber.Scrub($"Fixed <https://fixit.example.org/respond/{Token}/fixed>, Acknowledge <https://fixit.example.org/respond/{Token}/acknowledge>.");

        Assert.Equal($"Fixed <{Marker}>, Acknowledge <{Marker}>.", scrubbed);
    }

    [Fact]
    public void An_outlook_safelinks_wrapper_is_removed_whole()
    {
        var inner = Uri.EscapeDataString($"https://fixit.example.org/respond/{Token}/fixed");
        var safe = $"https://eur03.safelinks.protection.outlook.com/?url={inner}&data=05%7C02%7Creports%40council.example.org%7C1234&sdata=abc%3D&reserved=0";

        Assert.Equal($"Fixed: {Marker}", SecretLinkScrubber.Scrub($"Fixed: {safe}"));
        Assert.DoesNotContain(Token, SecretLinkScrubber.Scrub($"Fixed <{safe}>"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_google_redirect_and_a_doubly_encoded_link_are_removed()
    {
        var google = $"https://www.google.com/url?q=https://fixit.example.org/unsubscribe/{Token}&sa=D&source=editors";
        var twice = "https://tracker.example/?u=" + Uri.EscapeDataString("https://wrap.example/?to=" + Uri.EscapeDataString($"https://fixit.example.org/confirm/{Token}"));

        Assert.Equal($"a {Marker} b {Marker}", SecretLinkScrubber.Scrub($"a {google} b {twice}"));
    }

    [Fact]
    public void A_link_broken_over_quoted_lines_is_removed_with_its_continuation()
    {
        var text = $"> Fixed: https://fixit.example.org/respond/{Token[..20]}\n> {Token[20..]}/fixed\n> Acknowledge: next line";

        var scrubbed = SecretLinkScrubber.Scrub(text);

        Assert.Equal($"> Fixed: {Marker}\n> \n> Acknowledge: next line", scrubbed);
    }

    [Fact]
    public void A_link_broken_inside_its_route_or_escaped_wrapper_is_found()
    {
        var inRoute = $"see https://fixit.example.org/resp\r\n>> ond/{Token}/fixed now";
        var inWrapper = "x https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Ffixit.example.org%2Fconfirm%2F"
            + $"{Token[..10]}\n{Token[10..]}&data=05 y";

        Assert.Equal($"see {Marker}\r\n>>  now", SecretLinkScrubber.Scrub(inRoute));
        Assert.Equal($"x {Marker}\n y", SecretLinkScrubber.Scrub(inWrapper));
    }

    [Fact]
    public void The_word_after_a_whole_link_at_a_line_end_stays()
    {
        var text = $"https://fixit.example.org/confirm/{Token}\nThanks, Jo";

        Assert.Equal($"{Marker}\nThanks, Jo", SecretLinkScrubber.Scrub(text));
    }

    [Theory]
    [InlineData("reply+" + Key + "@reply.fixit.example.org")]
    [InlineData("bounce+" + Key + "@reply.fixit.example.org")]
    [InlineData("mailto:REPLY+" + Key + "@reply.fixit.example.org")]
    [InlineData("answers+" + Key + "@mx.other.example")]
    public void Reply_and_bounce_addresses_with_a_key_are_removed(string address)
    {
        Assert.Equal($"Write to {SecretLinkScrubber.AddressMarker}.", SecretLinkScrubber.Scrub($"Write to {address}."));
    }

    [Theory]
    // Proofpoint v2: '-XX' escapes and '_' for '/'.
    [InlineData("https://urldefense.proofpoint.com/v2/url?u=http-3A__localhost-3A5080_respond_Xk3-5F9fQ-2DaZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8_fixed&d=DwMF&c=x")]
    // Sophos: the whole link in base64url in a parameter.
    [InlineData("https://eu-central-1.protection.sophos.com?d=example.org&u=aHR0cDovL2xvY2FsaG9zdDo1MDgwL3Jlc3BvbmQvWGszXzlmUS1hWjBiWWM3ZFdlMWZWZzJoVWkzalRrNGxTbTVuUm82cFFxOC9maXhlZA==&t=x")]
    // Outlook SafeLinks four layers deep.
    [InlineData("https://eur01.safelinks.protection.outlook.com/?url=https%25252525253A%25252525252F%25252525252Ffixit.example.org%25252525252Frespond%25252525252FXk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8%25252525252Ffixed")]
    // A zero-width space in the route, fullwidth slashes and letters, backslashes.
    [InlineData("http://localhost:5080/res\u200Bpond/Xk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8/fixed")]
    [InlineData("http://localhost:5080\uFF0F\uFF52\uFF45\uFF53\uFF50\uFF4F\uFF4E\uFF44\uFF0FXk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8/fixed")]
    [InlineData("http://localhost:5080\\respond\\Xk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8\\fixed")]
    // A wrapper FixIt does not know that renames the route but keeps the token.
    [InlineData("https://scanner.example/v9/Xk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8")]
    [InlineData("Xk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8")]
    public void Links_in_gateway_wrappers_or_disguised_characters_are_removed(string link)
    {
        var scrubbed = SecretLinkScrubber.Scrub($"Done: {link} thanks");

        Assert.Equal($"Done: {Marker} thanks", scrubbed);
    }

    [Theory]
    [InlineData(Token + "-fixed")]
    [InlineData("respond-" + Token)]
    [InlineData("_" + Token + "_")]
    [InlineData("__" + Token + "__")]
    [InlineData("ticket#" + Token + "1")]
    [InlineData("ref:" + Token + "x")]
    [InlineData(Token + Token)]
    public void A_token_glued_to_other_word_characters_is_removed(string written)
    {
        var scrubbed = SecretLinkScrubber.Scrub($"Done {written} thanks");

        Assert.DoesNotContain(Token, scrubbed, StringComparison.Ordinal);
        Assert.StartsWith("Done ", scrubbed, StringComparison.Ordinal);
        Assert.EndsWith(" thanks", scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reply + " + Key + " @ reply.fixit.example.org")]
    [InlineData(Key)]
    [InlineData("x" + Key + "y")]
    [InlineData("reply_" + Key)]
    [InlineData("reply=" + Key)]
    [InlineData("reply/" + Key)]
    [InlineData("reply+" + Key + "abcdefghijklmnopq")]
    [InlineData("reply=2B" + Key + "=40reply.fixit.example.org")]
    public void A_key_written_without_its_tag_is_removed(string written)
    {
        var scrubbed = SecretLinkScrubber.Scrub($"Write to {written} please");

        Assert.DoesNotContain(Key, scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(" please", scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reply+" + Key + " at reply.fixit.example.org")]
    [InlineData("reply+" + Key + "@\nreply.fixit.example.org")]
    [InlineData("reply+" + Key)]
    [InlineData("bounce+" + Key)]
    [InlineData("REPLY+" + "ABCDEFGH234567ABCDEFGH23")]
    public void A_key_tag_is_removed_whether_or_not_a_domain_follows(string written)
    {
        var scrubbed = SecretLinkScrubber.Scrub($"Write to {written.Replace("\\n", "\n", StringComparison.Ordinal)} please");

        Assert.DoesNotContain(Key, scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SecretLinkScrubber.AddressMarker, scrubbed, StringComparison.Ordinal);
        Assert.EndsWith(" please", scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("We will respond within 5 days and confirm by letter.")]
    [InlineData("See https://council.example.org/roads/lighting and www.example.com/respond/form")]
    [InlineData("Yes/confirm/deny, and/or 2025/0381.")]
    [InlineData("The public page is https://fixit.example.org/reports/42 (no token there).")]
    [InlineData("Mail jo+roads@council.example.org or 50% off.")]
    [InlineData("Our reference 3f2b9c1d0e8a4b7c9d6e5f4a3b2c1d0e, case 0a1b2c3d-4e5f-6789-abcd-ef0123456789.")]
    [InlineData("")]
    public void Text_without_secrets_is_left_exactly_as_it_was(string text)
    {
        Assert.Same(text, SecretLinkScrubber.Scrub(text));
    }

    [Fact]
    public void A_whole_operator_email_pasted_back_keeps_its_words_and_loses_every_secret()
    {
        var email = $"""
            A resident has reported a problem for Demo City Council.

            Report #12: Street light out
            Public page: https://fixit.example.org/reports/12

            Answer with one of these links (each opens a page where you confirm):
              Acknowledge: https://fixit.example.org/respond/{Token}/acknowledge
              Fixed: https://fixit.example.org/respond/{Token}/fixed

            Or reply to this email (reply+{Key}@reply.fixit.example.org); your reply is published on the report page.
            """;

        var scrubbed = SecretLinkScrubber.Scrub(email);

        Assert.DoesNotContain(Token, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, scrubbed, StringComparison.Ordinal);
        Assert.Contains("Public page: https://fixit.example.org/reports/12", scrubbed, StringComparison.Ordinal);
        Assert.Contains($"  Fixed: {Marker}\n", scrubbed.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"email ({SecretLinkScrubber.AddressMarker}); your reply", scrubbed, StringComparison.Ordinal);
    }
}
