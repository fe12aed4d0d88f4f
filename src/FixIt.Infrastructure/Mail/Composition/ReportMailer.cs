using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Application.Features.FollowUp;
using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit.Utils;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>Renders report emails and adds them, with their link tokens, to the caller's unit of work.</summary>
internal sealed class ReportMailer(IFixItDb db, IOptions<MailOptions> mailOptions, IOptions<InboundMailOptions> inboundOptions,
    IOptions<SiteOptions> siteOptions, IOptions<FollowUpOptions> followUpOptions, MailboxCaps caps, IStringLocalizer<ResidentMailText> t,
    TimeProvider clock) : IReportMailer
{
    private readonly MailOptions _mail = mailOptions.Value;
    private readonly InboundMailOptions _inbound = inboundOptions.Value;
    private readonly SiteOptions _site = siteOptions.Value;
    private readonly FollowUpOptions _followUp = followUpOptions.Value;

    // The two emails anyone can make FixIt send to any address are capped per mailbox and day; past the cap the
    // caller carries on exactly as usual (same answer, no enumeration), and nothing is queued.
    public async Task QueueConfirmationAsync(Report report, string pendingToken, CancellationToken cancellationToken)
    {
        if (!await caps.TryTakeAsync(MailKind.ReporterConfirmation, report.ReporterEmail, report.Id, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var token = Issue(TokenPurpose.Confirm, report, _mail.ConfirmLinkLifetime, now, singleUse: true);
        var category = await CategoryNameAsync(report, cancellationToken);
        var content = ResidentMailText.In(report.Language, () => MailTemplates.Confirmation(t, _site.Name, report, category,
            _site.Url($"confirm/{token}"), _site.Url(ReportPaths.Pending(report.Id, pendingToken)), _mail.ConfirmLinkLifetime));
        Add(MailKind.ReporterConfirmation, report, null, report.ReporterEmail, report.ReporterName, content, null, null, now);
    }

    public async Task<bool> QueueToOperatorAsync(Report report, CancellationToken cancellationToken)
    {
        if (report.OperatorId is not { } operatorId)
        {
            return false;
        }

        var op = await db.Operators.Include(o => o.Contacts).SingleAsync(o => o.Id == operatorId, cancellationToken);
        if (op.ContactFor(report.CategoryId) is not { } contact)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var token = Issue(TokenPurpose.Respond, report, _mail.RespondLinkLifetime, now, singleUse: false);
        var actions = OperatorActions.All.Select(a => new MailLink(a.Label(), _site.Url($"respond/{token}/{a.Slug()}"))).ToList();
        var replyTo = ReplyAddress.For(await ReplyKeyIssuer.ForOperatorAsync(db, report, contact, now, cancellationToken), _inbound);
        var (category, answers) = await CategoryAndAnswersAsync(report, cancellationToken);
        var content = MailTemplates.ToOperator(_site.Name, report, category, op.Name, _site.Url($"reports/{report.Id}"), actions, replyTo, answers);
        Add(MailKind.OperatorReport, report, op.Id, contact.Email, op.Name, content, replyTo, null, now);
        return true;
    }

    public async Task QueueUpdateToReporterAsync(Report report, ReportEvent update, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var unsubscribe = _site.Url($"unsubscribe/{Issue(TokenPurpose.Unsubscribe, report, _mail.UnsubscribeLinkLifetime, now, singleUse: false)}");
        var (addUpdate, stillNotFixed) = (AddUpdateLink(report, now), StillNotFixedLink(report, now));
        var content = ResidentMailText.In(report.Language, () => MailTemplates.Update(t, _site.Name, report, update, _site.Url($"reports/{report.Id}"),
            unsubscribe, addUpdate, stillNotFixed));
        Add(MailKind.ReporterUpdate, report, null, report.ReporterEmail, report.ReporterName, content,
            await ReporterReplyToAsync(report, now, cancellationToken), unsubscribe, now);
    }

    // The follower's own reply address: what comes back under it is kept for admins, never published.
    public async Task QueueUpdateToSubscriberAsync(Report report, ReportSubscription subscription, ReportEvent update, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Issue(TokenPurpose.Unsubscribe, report, _mail.UnsubscribeLinkLifetime, now, singleUse: false, subscription);
        var unsubscribe = _site.Url($"unsubscribe/{token}");
        var (addUpdate, stillNotFixed) = (AddUpdateLink(report, now, subscription), StillNotFixedLink(report, now, subscription));
        var content = ResidentMailText.In(subscription.Language, () => SubscriberTemplates.Update(t, _site.Name, report, update,
            _site.Url($"reports/{report.Id}"), unsubscribe, addUpdate, stillNotFixed));
        var replyTo = ReplyAddress.For(await ReplyKeyIssuer.ForFollowerAsync(db, subscription, now, cancellationToken), _inbound);
        Add(MailKind.SubscriberUpdate, report, null, subscription.Email, "", content, replyTo, unsubscribe, now);
    }

    // The links residents ask for on a report page (ADR 0216). Anyone can press the button with another person's
    // address (for an update link, one FixIt already writes to about the report: the caller checked), so each is capped
    // per mailbox and day like the reporter's confirmation.
    public async Task QueueResidentLinkAsync(ResidentLink link, CancellationToken cancellationToken)
    {
        var (kind, path, lifetime) = link.Purpose switch
        {
            TokenPurpose.Update => (MailKind.UpdateLink, "update/", _followUp.LinkLifetime),
            TokenPurpose.Subscribe => (MailKind.SubscriptionConfirmation, "subscribe/", _mail.ConfirmLinkLifetime),
            TokenPurpose.Support => (MailKind.SupportConfirmation, "support/", _mail.ConfirmLinkLifetime),
            _ => throw new ArgumentOutOfRangeException(nameof(link), link.Purpose, "Residents ask only for update, follow and me-too links."),
        };
        var report = link.Report;
        if (!await caps.TryTakeAsync(kind, link.To, report.Id, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var (token, stored) = LinkTokens.Issue(link.Purpose, report.Id, lifetime, now, singleUse: true);
        stored = link.Subscription is { } subscription ? stored.For(subscription) : link.Support is { } support ? stored.For(support) : stored;
        db.AccessTokens.Add(stored.AskedIn(link.Language));
        var (url, publicUrl) = (_site.Url(path + token), _site.Url($"reports/{report.Id}"));
        var content = ResidentMailText.In(link.Language, () => link.Purpose switch
        {
            TokenPurpose.Update => SubscriberTemplates.UpdateLink(t, _site.Name, report, link.ToName, url, publicUrl, lifetime),
            TokenPurpose.Subscribe => SubscriberTemplates.Confirmation(t, _site.Name, report, url, publicUrl, lifetime),
            _ => SubscriberTemplates.SupportConfirmation(t, _site.Name, report, url, publicUrl, lifetime),
        });
        Add(kind, report, null, link.To, link.ToName, content, null, null, now);
    }

    /// <summary>"Your report was sent to …", once the operator's email has gone.</summary>
    public async Task QueueSentNoticeAsync(Report report, string operatorName, CancellationToken cancellationToken)
    {
        var email = report.ReporterEmail;
        if (await db.MailOptOuts.AnyAsync(o => o.ReportId == report.Id && o.Email == email, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var unsubscribe = _site.Url($"unsubscribe/{Issue(TokenPurpose.Unsubscribe, report, _mail.UnsubscribeLinkLifetime, now, singleUse: false)}");
        var addUpdate = AddUpdateLink(report, now);
        var content = ResidentMailText.In(report.Language, () => MailTemplates.SentNotice(t, _site.Name, report, operatorName,
            _site.Url($"reports/{report.Id}"), unsubscribe, addUpdate));
        Add(MailKind.ReporterSentNotice, report, null, report.ReporterEmail, report.ReporterName, content,
            await ReporterReplyToAsync(report, now, cancellationToken), unsubscribe, now);
    }

    internal async Task<string> ReporterReplyToAsync(Report report, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReplyAddress.For(await ReplyKeyIssuer.ForReporterAsync(db, report, now, cancellationToken), _inbound);

    // Once a report is fixed or closed, every email about it to its reporter or a follower offers "still not fixed".
    private string? StillNotFixedLink(Report report, DateTimeOffset now, ReportSubscription? subscription = null) =>
        ReportStatusRules.CanReopen(report.Status)
            ? _site.Url($"still-not-fixed/{Issue(TokenPurpose.Reopen, report, _followUp.LinkLifetime, now, singleUse: true, subscription)}")
            : null;

    // Every email to the reporter or a follower about a public report carries a single-use link to add an update.
    private string AddUpdateLink(Report report, DateTimeOffset now, ReportSubscription? subscription = null) =>
        _site.Url($"update/{Issue(TokenPurpose.Update, report, _followUp.LinkLifetime, now, singleUse: true, subscription)}");

    internal string Issue(TokenPurpose purpose, Report report, TimeSpan lifetime, DateTimeOffset now, bool singleUse,
        ReportSubscription? subscription = null)
    {
        var (token, stored) = LinkTokens.Issue(purpose, report.Id, lifetime, now, singleUse);
        db.AccessTokens.Add(subscription is null ? stored : stored.For(subscription));
        return token;
    }

    // Every message gets a bounce key of its own (its VERP envelope sender, set by the dispatcher).
    // An erased reporter has no address: nothing is sent to them again.
    internal void Add(MailKind kind, Report report, int? operatorId, string to, string toName, MailContent content,
        string? replyTo, string? listUnsubscribe, DateTimeOffset now)
    {
        if (to.Length == 0)
        {
            return;
        }

        var domain = _mail.FromAddress[(_mail.FromAddress.LastIndexOf('@') + 1)..];
        db.OutboxMessages.Add(new OutboxMessage(kind, report.Id, operatorId, to, HeaderText.SingleLine(toName),
            HeaderText.SingleLine(content.Subject, 450), content.Text, content.Html, replyTo, listUnsubscribe,
            MimeUtils.GenerateMessageId(domain), now, RandomKeys.Base32(15)));
    }

    // Find: the command that queues the email has usually loaded the category already, and then no query is made.
    /// <summary>
    /// The category's name and the resident's answers to its extra questions, in the questions' order, each by its
    /// question text; list answers by their values' names. Answers to questions the category no longer has keep their code.
    /// </summary>
    internal async Task<(string Category, IReadOnlyList<MailAnswer> Answers)> CategoryAndAnswersAsync(Report report, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FindAsync([report.CategoryId], cancellationToken)
            ?? throw new InvalidOperationException($"Report {report.Id} has no category {report.CategoryId}.");
        var questions = category.ExtraQuestions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var answers = report.Attributes
            .GroupBy(a => a.Code, StringComparer.Ordinal)
            .OrderBy(g => questions.TryGetValue(g.Key, out var q) ? q.Order : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var question = questions.GetValueOrDefault(g.Key);
                var values = g.Select(a => question?.Values.FirstOrDefault(v => v.Key == a.Value)?.Name ?? a.Value);
                return new MailAnswer(question?.Question ?? g.Key, string.Join(", ", values));
            })
            .ToList();
        return (category.Name, answers);
    }

    internal async Task<string> CategoryNameAsync(Report report, CancellationToken cancellationToken) =>
        (await db.Categories.FindAsync([report.CategoryId], cancellationToken))?.Name
            ?? throw new InvalidOperationException($"Report {report.Id} has no category {report.CategoryId}.");
}
