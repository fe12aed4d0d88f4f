using System.Net;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>
/// Operators and residents answer FixIt's emails by quoting them back, often without any quote marks: the action
/// links, unsubscribe links and reply addresses in those emails must never reach a public page, feed, export or API.
/// </summary>
[Collection(PublicTextCollection.Name)]
public sealed partial class PublishedSecretsTests(PublicTextFixture apps)
{
    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task Replies_quoting_FixIts_emails_unmarked_publish_no_token_anywhere(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var title = $"Quoted links {Guid.NewGuid():N}"[..28];
        var sent = await mail.SentReportAsync(title);
        var (id, operatorMail) = (sent.Id, sent.OperatorMail);
        var notice = await mail.Sink.WaitForAsync(m => m.To == InboundMailApp.ReporterEmail && m.Text.Contains($"#{id})", StringComparison.Ordinal)
            && m.Text.Contains("sent to Demo City Council", StringComparison.Ordinal), "the reporter's sent notice");
        var fixedLink = ReportLifeByEmailTests.ActionPath(operatorMail, "fixed");
        var original = operatorMail.Text;
        var subject = operatorMail.Subject;
        var reply = operatorMail.Message.ReplyTo.Mailboxes.Single().Address;
        var safeLink = "https://eur03.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString($"{MailApps.PublicBaseUrl}/{fixedLink}")
            + "&data=05%7C02%7Creports%40council.example.org%7C8d1e&sdata=Zm9v%3D&reserved=0";
        var fullLink = $"{MailApps.PublicBaseUrl}/{fixedLink}";
        var proofpoint = "https://urldefense.proofpoint.com/v2/url?u="
            + fullLink.Replace("-", "-2D", StringComparison.Ordinal).Replace("_", "-5F", StringComparison.Ordinal)
                .Replace(":", "-3A", StringComparison.Ordinal).Replace('/', '_') + "&d=DwMFaQ&c=x";
        var sophos = "https://eu-central-1.protection.sophos.com?d=council.example.org&u="
            + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(fullLink)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "&t=x";

        (string Marker, string Body)[] operatorReplies =
        [
            ("Antwort auf Deutsch.", $"Antwort auf Deutsch.\n\nVon: FixIt <{reply}>\nGesendet: Montag, 3. März 2025 09:02\nAn: Straßenbeleuchtung\nBetreff: {subject}\n\n{original}"),
            ("Svar fra vejafdelingen.", $"Svar fra vejafdelingen.\n\nFra: FixIt <{reply}>\nSendt: 3. marts 2025 09:02\nTil: Vejafdelingen\nEmne: {subject}\n\n{original}"),
            ("Reponse de la voirie.", $"Reponse de la voirie.\n\nDe : FixIt <{reply}>\nEnvoyé : lundi 3 mars 2025 09:02\nÀ : Voirie\nObjet : {subject}\n\n{original}"),
            ("Respuesta de vias.", $"Respuesta de vias.\n\nDe: FixIt <{reply}>\nEnviado: lunes, 3 de marzo de 2025 9:02\nPara: Vías\nAsunto: {subject}\n\n{original}"),
            ("Copied the whole email below.", $"Copied the whole email below.\n\n{original}"),
            ("Marked it through Outlook.", $"Marked it through Outlook. Fixed: {safeLink}\nAlso <{MailApps.PublicBaseUrl}/{fixedLink}>."),
            ("Our gateway rewrote it.", $"Our gateway rewrote it. Fixed: {proofpoint}\nand {sophos}\nand {fullLink.Replace('/', '\\')}"),
            ("Reply to us here.", $"Reply to us here. Write to {reply.Replace("@", " at ", StringComparison.Ordinal)} or {reply.Split('@')[0]} or\n{reply.Split('@')[0]}@\n{reply.Split('@')[1]}"),
        ];
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            foreach (var (_, body) in operatorReplies)
            {
                await client.SendAsync(Message(InboundMailApp.OperatorContact, reply, $"Re: {subject}", body));
            }

            // The reporter answers their own notice, quoting it whole, unsubscribe link and all.
            await client.SendAsync(Message(InboundMailApp.ReporterEmail, notice.Message.ReplyTo.Mailboxes.Single().Address,
                $"Re: {notice.Subject}", $"Still broken tonight.\n\n{notice.Text}"));
            await client.DisconnectAsync(true);
        }

        foreach (var marker in operatorReplies.Select(r => r.Marker).Append("Still broken tonight."))
        {
            // ASCII markers: the page encodes other characters.
            Assert.Contains(marker, await mail.PageShowingAsync(id, marker), StringComparison.Ordinal);
        }

        var secrets = SecretsIn(mail.Sink.Received.Where(m => m.Raw.Contains($"/reports/{id}", StringComparison.Ordinal)
            || m.Subject == $"Confirm your report: {title}"));
        Assert.Contains(secrets, s => fixedLink.Contains(s, StringComparison.Ordinal));
        Assert.Contains(secrets, s => notice.Text.Contains($"unsubscribe/{s}", StringComparison.Ordinal));

        var page = await mail.App.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("[link removed]", page, StringComparison.Ordinal);
        foreach (var (path, body) in await PublicSurfaces.FetchAsync(mail.App, await PublicSurfaces.PathsShowingAsync(mail.App, id)))
        {
            Assert.False(TokenPath().IsMatch(body), $"/{path} shows a token link: {TokenPath().Match(body).Value}");
            foreach (var secret in secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"/{path} shows the secret {secret}.");
            }
        }

        // The links still work for whoever holds the email, and only with the real token.
        var guessed = $"respond/{new string('A', 43)}/fixed";
        using var stranger = await mail.App.Client.GetAsync(guessed);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var holder = await mail.App.Client.SubmitLinkFormAsync(fixedLink);
        Assert.Equal(HttpStatusCode.Redirect, holder.StatusCode);
        Assert.Equal("fixed", (await mail.App.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("status").GetString());
    }

    private static MimeMessage Message(string from, string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>Every link token and address key FixIt wrote into these emails: bodies, Reply-To and envelope sender.</summary>
    private static HashSet<string> SecretsIn(IEnumerable<ReceivedMail> messages)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in messages)
        {
            var text = $"{m.Text}\n{m.Message.HtmlBody}\n{m.EnvelopeFrom}\n{string.Join(' ', m.Message.ReplyTo.Mailboxes.Select(a => a.Address))}";
            secrets.UnionWith(LinkToken().Matches(text).Select(x => x.Groups["token"].Value));
            secrets.UnionWith(AddressKey().Matches(text).Select(x => x.Groups["key"].Value));
        }

        Assert.NotEmpty(secrets);
        return secrets;
    }

    [GeneratedRegex(@"/(?:confirm|respond|unsubscribe|subscribe)/(?<token>[A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkToken();

    [GeneratedRegex(@"\+(?<key>[a-z2-7]{16,})@", RegexOptions.IgnoreCase)]
    private static partial Regex AddressKey();

    [GeneratedRegex(@"(?:confirm|respond|unsubscribe|subscribe|tokens)/[A-Za-z0-9_-]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex TokenPath();
}
