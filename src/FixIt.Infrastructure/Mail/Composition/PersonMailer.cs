using System.Globalization;
using System.Text;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using MimeKit.Utils;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>Renders the emails about a person rather than a report ("My reports") and adds them to the caller's unit of work.</summary>
internal sealed class PersonMailer(FixItDbContext db, IOptions<MailOptions> mailOptions, IOptions<SiteOptions> siteOptions, MailboxCaps caps,
    TimeProvider clock) : IPersonMailer
{
    public async Task<bool> QueueMyReportsLinkAsync(string address, string token, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (!await caps.TryTakeAsync(MailKind.MyReportsLink, address, null, cancellationToken))
        {
            return false;
        }

        var site = siteOptions.Value;
        var content = MyReportsLink(site.Name, site.Url($"my/link/{token}"), site.Url("privacy"), lifetime);
        var from = mailOptions.Value.FromAddress;
        db.OutboxMessages.Add(new OutboxMessage(MailKind.MyReportsLink, null, null, address, "", content.Subject, content.Text, content.Html,
            null, null, MimeUtils.GenerateMessageId(from[(from.LastIndexOf('@') + 1)..]), clock.GetUtcNow(), RandomKeys.Base32(15)));
        return true;
    }

    private static MailContent MyReportsLink(string site, string url, string privacyUrl, TimeSpan lifetime)
    {
        var minutes = lifetime.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine("Hello,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Someone asked {site} to show the reports, updates and subscriptions made with this address.")
            .AppendLine("To see them, open this link and press the button:").AppendLine()
            .AppendLine(url).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works once, for {minutes} minutes. If you did not ask for it, ignore this email.")
            .AppendLine().AppendLine(CultureInfo.InvariantCulture, $"What {site} keeps and for how long: {privacyUrl}");
        var html = Page(
            $"<p>Hello,</p><p>Someone asked {E(site)} to show the reports, updates and subscriptions made with this address.</p>" +
            $"<p><a href=\"{E(url)}\">Show my reports</a></p>" +
            $"<p>The link works once, for {minutes} minutes. If you did not ask for it, ignore this email.</p>" +
            $"<p style=\"font-size:0.9em\"><a href=\"{E(privacyUrl)}\">What {E(site)} keeps and for how long</a></p>");
        return new MailContent($"Your reports on {site}", text.ToString(), html);
    }
}
