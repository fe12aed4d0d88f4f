using System.Globalization;
using System.Text;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Moderation.ListFlags;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Composition;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit.Utils;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Staff;

/// <summary>
/// The digest of new flags to every admin and moderator whose account is active (not disabled, password set): the
/// items, their counts and reasons, and a link to the queue. Never the residents' own words, nor anything about them.
/// </summary>
internal sealed class FlagDigestMailer(FixItDbContext db, IOptions<SiteOptions> site, IOptions<MailOptions> mail, TimeProvider clock)
    : IFlagDigestMailer
{
    public async Task<int> QueueDigestAsync(IReadOnlyList<FlaggedItem> items, int newFlags, CancellationToken cancellationToken)
    {
        string[] roles = [StaffRoles.Admin, StaffRoles.Moderator];
        var staffRoleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var staffUserIds = db.UserRoles.Where(ur => staffRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var recipients = await db.Users.AsNoTracking()
            .Where(u => staffUserIds.Contains(u.Id) && u.DisabledAt == null && u.PasswordHash != null && u.Email != null)
            .OrderBy(u => u.Id).Select(u => u.Email!).ToListAsync(cancellationToken);
        if (recipients.Count == 0 || items.Count == 0)
        {
            return 0;
        }

        var content = Digest(site.Value.Name, items, newFlags, site.Value.Url("admin/flags"), site.Value.Url);
        var now = clock.GetUtcNow();
        var from = mail.Value.FromAddress;
        foreach (var to in recipients)
        {
            db.OutboxMessages.Add(new OutboxMessage(MailKind.FlagDigest, null, null, to, HeaderText.SingleLine(to), HeaderText.SingleLine(content.Subject, 450),
                content.Text, content.Html, null, null, MimeUtils.GenerateMessageId(from[(from.LastIndexOf('@') + 1)..]), now, RandomKeys.Base32(15)));
        }

        return recipients.Count;
    }

    internal static MailContent Digest(string siteName, IReadOnlyList<FlaggedItem> items, int newFlags, string queueUrl, Func<string, string> url)
    {
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"[{siteName}] {newFlags} new flag{(newFlags == 1 ? "" : "s")} on {items.Count} item{(items.Count == 1 ? "" : "s")} to moderate");
        var text = new StringBuilder().AppendLine("Hello,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Residents flagged these as inappropriate since the last digest ({newFlags} new flags):").AppendLine();
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<p>Hello,</p><p>Residents flagged these as inappropriate since the last digest ({newFlags} new flags):</p><ul>");
        foreach (var item in items)
        {
            var what = Describe(item);
            var reasons = string.Join(", ", item.Reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Reason.Replace('-', ' ')} {r.Count}")));
            var link = url($"reports/{item.ReportId}");
            text.AppendLine(CultureInfo.InvariantCulture, $"- {what}: {item.Count} new flag{(item.Count == 1 ? "" : "s")} ({reasons})")
                .AppendLine(CultureInfo.InvariantCulture, $"  {link}");
            html.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"{E(link)}\">{E(what)}</a>: {item.Count} new flag{(item.Count == 1 ? "" : "s")} ({E(reasons)})</li>");
        }

        text.AppendLine().AppendLine("Dismiss the flags or hide the item from the moderation queue:").AppendLine(queueUrl).AppendLine()
            .AppendLine("You get this email because you are an admin or moderator; at most one comes per digest interval.");
        html.Append(CultureInfo.InvariantCulture, $"</ul><p><a href=\"{E(queueUrl)}\">Open the moderation queue</a> to dismiss the flags or hide the item.</p>")
            .Append("<p>You get this email because you are an admin or moderator; at most one comes per digest interval.</p>");
        return new MailContent(subject, text.ToString(), Page(html.ToString()));
    }

    private static string Describe(FlaggedItem item) => item.UpdateId is { } updateId
        ? string.Create(CultureInfo.InvariantCulture, $"Update {updateId} by {item.UpdateActor} on report {item.ReportId} \u201c{item.ReportTitle}\u201d")
        : string.Create(CultureInfo.InvariantCulture, $"Report {item.ReportId} \u201c{item.ReportTitle}\u201d");
}
