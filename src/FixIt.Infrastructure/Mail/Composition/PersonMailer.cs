using System.Globalization;
using System.Text;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit.Utils;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>Renders the emails about a person rather than a report ("My reports") and adds them to the caller's unit of work.</summary>
internal sealed class PersonMailer(FixItDbContext db, IOptions<MailOptions> mailOptions, IOptions<SiteOptions> siteOptions, MailboxCaps caps,
    IStringLocalizer<ResidentMailText> t, TimeProvider clock) : IPersonMailer
{
    // Asked for on a page, so written in the request's language: no language is kept for an address (nothing is kept for it at all).
    public async Task<bool> QueueMyReportsLinkAsync(string address, string token, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (!await caps.TryTakeAsync(MailKind.MyReportsLink, address, null, cancellationToken))
        {
            return false;
        }

        var site = siteOptions.Value;
        var content = MyReportsLink(t, site.Name, site.Url($"my/link/{token}"), site.Url("privacy"), lifetime);
        var from = mailOptions.Value.FromAddress;
        db.OutboxMessages.Add(new OutboxMessage(MailKind.MyReportsLink, null, null, address, "", content.Subject, content.Text, content.Html,
            null, null, MimeUtils.GenerateMessageId(from[(from.LastIndexOf('@') + 1)..]), clock.GetUtcNow(), RandomKeys.Base32(15)));
        return true;
    }

    private static MailContent MyReportsLink(IStringLocalizer t, string site, string url, string privacyUrl, TimeSpan lifetime)
    {
        var minutes = lifetime.TotalMinutes.ToString("0", CultureInfo.CurrentCulture);
        var text = new StringBuilder()
            .AppendLine(t["Hello"]).AppendLine()
            .AppendLine(t["MyReports.Asked", site])
            .AppendLine(t["MyReports.Open"]).AppendLine()
            .AppendLine(url).AppendLine()
            .AppendLine(t["MyReports.Lifetime", minutes])
            .AppendLine().AppendLine(t["MyReports.Privacy.Text", site, privacyUrl]);
        var html = Page(
            $"<p>{E(t["Hello"])}</p><p>{E(t["MyReports.Asked", site])}</p>" +
            $"<p><a href=\"{E(url)}\">{E(t["MyReports.Link"])}</a></p>" +
            $"<p>{E(t["MyReports.Lifetime", minutes])}</p>" +
            $"<p style=\"font-size:0.9em\"><a href=\"{E(privacyUrl)}\">{E(t["MyReports.Privacy", site])}</a></p>");
        return new MailContent(t["MyReports.Subject", site], text.ToString(), html);
    }
}
