using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Composition;
using Microsoft.Extensions.Options;
using MimeKit.Utils;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Staff;

/// <summary>The invitation and password-reset emails, written into the outbox on the caller's unit of work.</summary>
internal sealed class StaffMail(IFixItDb db, IOptions<SiteOptions> site, IOptions<MailOptions> mail, IOptions<StaffOptions> staff, TimeProvider clock)
{
    public string Url(string path) => site.Value.Url(path);

    public void QueueInvitation(string to, string role, string link)
    {
        var name = site.Value.Name;
        var lifetime = Lifetime();
        var text = $"Hello,\n\nYou have been given a staff account ({role}) on {name}, for {to}.\n\n"
            + $"Choose your password at this link. It works once, for {lifetime}:\n\n{link}\n\n"
            + "If you did not expect this, ignore this email: nothing happens until the link is used.\n";
        var html = Page($"<p>Hello,</p><p>You have been given a staff account ({E(role)}) on {E(name)}, for {E(to)}.</p>"
            + $"<p><a href=\"{E(link)}\">Choose your password</a> (the link works once, for {E(lifetime)}).</p>"
            + "<p>If you did not expect this, ignore this email: nothing happens until the link is used.</p>");
        Add(MailKind.StaffInvitation, to, new MailContent($"Your staff account on {name}", text, html));
    }

    public void QueuePasswordReset(string to, string link)
    {
        var name = site.Value.Name;
        var lifetime = Lifetime();
        var text = $"Hello,\n\nSomeone (we hope you) asked to set a new password for the staff account {to} on {name}.\n\n"
            + $"Set it at this link. It works once, for {lifetime}:\n\n{link}\n\n"
            + "If you did not ask, ignore this email: your password stays as it is.\n";
        var html = Page($"<p>Hello,</p><p>Someone (we hope you) asked to set a new password for the staff account {E(to)} on {E(name)}.</p>"
            + $"<p><a href=\"{E(link)}\">Set a new password</a> (the link works once, for {E(lifetime)}).</p>"
            + "<p>If you did not ask, ignore this email: your password stays as it is.</p>");
        Add(MailKind.StaffPasswordReset, to, new MailContent($"Set a new password on {name}", text, html));
    }

    private string Lifetime()
    {
        var lifetime = staff.Value.LinkLifetime;
        return lifetime.TotalHours >= 48
            ? string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalDays:0.#} days")
            : string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalHours:0.#} hours");
    }

    private void Add(MailKind kind, string to, MailContent content)
    {
        var from = mail.Value.FromAddress;
        db.OutboxMessages.Add(new OutboxMessage(kind, null, null, to, HeaderText.SingleLine(to), HeaderText.SingleLine(content.Subject, 450),
            content.Text, content.Html, null, null, MimeUtils.GenerateMessageId(from[(from.LastIndexOf('@') + 1)..]), clock.GetUtcNow(),
            RandomKeys.Base32(15)));
    }
}
