using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Application.Features.FollowUp;
using FixIt.Domain.Messaging;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>
/// Renders the follow-up emails with <see cref="ReportMailer"/>'s tokens, reply keys and outbox rows: the operator's are
/// the report email itself (<see cref="MailTemplates.ToOperator"/>) with a lead paragraph and fresh action links.
/// </summary>
internal sealed class FollowUpMailer(IFixItDb db, ReportMailer mailer, IOptions<MailOptions> mailOptions, IOptions<InboundMailOptions> inboundOptions,
    IOptions<SiteOptions> siteOptions, IOptions<FollowUpOptions> followUpOptions, IStringLocalizer<ResidentMailText> t, TimeProvider clock)
    : IFollowUpMailer
{
    private readonly MailOptions _mail = mailOptions.Value;
    private readonly InboundMailOptions _inbound = inboundOptions.Value;
    private readonly SiteOptions _site = siteOptions.Value;
    private readonly FollowUpOptions _followUp = followUpOptions.Value;

    public async Task<bool> QueueReminderAsync(Report report, bool stillOpen, CancellationToken cancellationToken)
    {
        var lead = await OperatorAsync(report, cancellationToken) is { } op
            ? stillOpen
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Reminder: this report is still open, past {op.Name}'s target of {op.FixTargetDays} days to fix a report.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"Reminder: this report has not been acknowledged yet; {op.Name}'s target is {op.AcknowledgeTargetDays} days. Please answer with one of the links below.")
            : null;
        return lead is not null && await QueueToContactAsync(MailKind.OperatorReminder, report, lead, "Reminder: ", cancellationToken);
    }

    public Task<bool> QueueReopenedAsync(Report report, ReportEvent reopened, CancellationToken cancellationToken) =>
        QueueToContactAsync(MailKind.OperatorReopened, report,
            $"{reopened.Actor} says this report is still not fixed, and it has been re-opened.", "Re-opened: ", cancellationToken,
            reopened.PublicText);

    // The lead is FixIt's words only (who wrote, never their chosen name); what they wrote is the quote.
    public Task<bool> QueueResidentUpdateAsync(Report report, ReportEvent update, int photoCount, CancellationToken cancellationToken)
    {
        var who = update.ActorKind == ActorKind.Follower ? "A resident who follows this report" : "The resident who reported this";
        var photos = photoCount switch
        {
            0 => "",
            1 => " with a photo (on the public page)",
            _ => string.Create(CultureInfo.InvariantCulture, $" with {photoCount} photos (on the public page)"),
        };
        return QueueToContactAsync(MailKind.OperatorResidentUpdate, report, $"{who} added an update{photos}.", "Update: ", cancellationToken,
            update.PublicText);
    }

    public async Task<bool> QueueEscalationAsync(Report report, CancellationToken cancellationToken)
    {
        if (await OperatorAsync(report, cancellationToken) is not { EscalationEmail: { Length: > 0 } to } op)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var contact = op.ContactFor(report.CategoryId);
        var replyTo = contact is null ? null : ReplyAddress.For(await ReplyKeyIssuer.ForOperatorAsync(db, report, contact, now, cancellationToken), _inbound);
        var history = report.Events.Where(e => e.IsPublic).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var content = FollowUpTemplates.Escalation(_site.Name, report, await mailer.CategoryNameAsync(report, cancellationToken), op.Name,
            _site.Url($"reports/{report.Id}"), history, ActionLinks(report, now), report.RemindersSent);
        mailer.Add(MailKind.OperatorEscalation, report, op.Id, to, op.Name, content, replyTo, null, now);
        return true;
    }

    public async Task<bool> QueueQuestionnaireAsync(Report report, CancellationToken cancellationToken)
    {
        var email = report.ReporterEmail;
        if (await db.MailOptOuts.AnyAsync(o => o.ReportId == report.Id && o.Email == email, cancellationToken))
        {
            return false;
        }

        // One questionnaire per report per round: the link of an earlier, unanswered one stops working.
        var now = clock.GetUtcNow();
        var earlier = await db.AccessTokens
            .Where(t => t.ReportId == report.Id && t.Purpose == TokenPurpose.Questionnaire && t.RevokedAt == null && t.UsedAt == null)
            .ToListAsync(cancellationToken);
        earlier.ForEach(t => t.Revoke(now));

        var questionnaire = _site.Url($"questionnaire/{mailer.Issue(TokenPurpose.Questionnaire, report, _followUp.LinkLifetime, now, singleUse: true)}");
        var unsubscribe = _site.Url($"unsubscribe/{mailer.Issue(TokenPurpose.Unsubscribe, report, _mail.UnsubscribeLinkLifetime, now, singleUse: false)}");
        var operatorName = report.OperatorId is { } id
            ? await db.Operators.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var content = ResidentMailText.In(report.Language, () => FollowUpTemplates.Questionnaire(t, _site.Name, report, operatorName, questionnaire,
            _site.Url($"reports/{report.Id}"), unsubscribe, _followUp.LinkLifetime));
        mailer.Add(MailKind.ReporterQuestionnaire, report, null, report.ReporterEmail, report.ReporterName, content,
            await mailer.ReporterReplyToAsync(report, now, cancellationToken), unsubscribe, now);
        return true;
    }

    // The report email again, to the contact the report went to, with its reply address and fresh action links.
    private async Task<bool> QueueToContactAsync(MailKind kind, Report report, string lead, string subjectPrefix, CancellationToken cancellationToken,
        string? residentWords = null)
    {
        if (await OperatorAsync(report, cancellationToken) is not { } op || op.ContactFor(report.CategoryId) is not { } contact)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var replyTo = ReplyAddress.For(await ReplyKeyIssuer.ForOperatorAsync(db, report, contact, now, cancellationToken), _inbound);
        var (category, answers) = await mailer.CategoryAndAnswersAsync(report, cancellationToken);
        var content = MailTemplates.ToOperator(_site.Name, report, category, op.Name, _site.Url($"reports/{report.Id}"), ActionLinks(report, now),
            replyTo, answers, lead, subjectPrefix, residentWords);
        mailer.Add(kind, report, op.Id, contact.Email, op.Name, content, replyTo, null, now);
        return true;
    }

    // The raw tokens of the first email are not kept (only their hashes), so a reminder carries links of its own;
    // a decline revokes every one of them, as it does the first email's.
    private List<MailLink> ActionLinks(Report report, DateTimeOffset now)
    {
        var token = mailer.Issue(TokenPurpose.Respond, report, _mail.RespondLinkLifetime, now, singleUse: false);
        return [.. OperatorActions.All.Select(a => new MailLink(a.Label(), _site.Url($"respond/{token}/{a.Slug()}")))];
    }

    private async Task<Operator?> OperatorAsync(Report report, CancellationToken cancellationToken) =>
        report.OperatorId is { } id
            ? await db.Operators.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
}
