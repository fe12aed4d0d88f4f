using FixIt.Domain.Inbound;
using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>
/// Turns a verified reply into a public update: the operator's (with an optional status line, only ever under the
/// operator's own key) or the reporter's.
/// </summary>
internal static class ReplyPublisher
{
    public static Outcome Apply(Report report, ReplyAuthor author, InboundMail mail, DateTimeOffset now)
    {
        if (!ReportStatusRules.IsPublic(report.Status))
        {
            return Private(report, $"A reply from {author.Describe()} came for a report that is not public; kept for admins.", now);
        }

        return author.Kind switch
        {
            AuthorKind.Reporter => FromReporter(report, mail, now),
            AuthorKind.Operator => FromOperator(report, author.OperatorName!, mail, now),
            _ => Private(report, $"A reply from {author.Describe()} was kept for admins.", now),
        };
    }

    private static Outcome FromReporter(Report report, InboundMail mail, DateTimeOffset now)
    {
        if (mail.Text.Length == 0 && mail.Photos.Count == 0)
        {
            return new Outcome(InboundMessageStatus.Ignored, "The reporter's reply had no text of its own.", null);
        }

        var note = report.AddNote(ActorKind.Reporter, report.PublicReporterName, EventSource.EmailReply, mail.Text, now);
        return new Outcome(InboundMessageStatus.Published, "Published as the reporter's update.", note);
    }

    private static Outcome FromOperator(Report report, string operatorName, InboundMail mail, DateTimeOffset now)
    {
        var (written, status, rest) = StatusLine.Split(mail.Text);
        string? refused = null;
        if (status is { } to && to != report.Status)
        {
            if (ReportStatusRules.CanMove(report.Status, to))
            {
                var change = report.ChangeStatus(to, ActorKind.Operator, operatorName, EventSource.EmailReply, rest.Length == 0 ? null : rest, now);
                return new Outcome(InboundMessageStatus.Published, $"Published by {operatorName}; status set to {to}.", change);
            }

            refused = $"The reply asked for status \"{written}\", but a report cannot go from {report.Status} to {to}; the text was published without it.";
        }
        else if (written is not null && status is null)
        {
            refused = $"The reply began with an unrecognised status line \"{written}\"; the text was published without it.";
        }

        if (refused is not null)
        {
            report.AddNote(ActorKind.System, "FixIt", EventSource.EmailReply, refused, now, isPublic: false);
        }

        var text = written is null ? mail.Text : rest;
        if (text.Length == 0 && mail.Photos.Count == 0)
        {
            return new Outcome(refused is null ? InboundMessageStatus.Ignored : InboundMessageStatus.KeptPrivate,
                refused ?? $"The reply from {operatorName} had no text of its own.", null);
        }

        var update = report.AddNote(ActorKind.Operator, operatorName, EventSource.EmailReply, text, now);
        return new Outcome(InboundMessageStatus.Published, refused ?? $"Published as an update from {operatorName}.", update);
    }

    private static Outcome Private(Report report, string note, DateTimeOffset now)
    {
        report.AddNote(ActorKind.System, "FixIt", EventSource.EmailReply, note, now, isPublic: false);
        return new Outcome(InboundMessageStatus.KeptPrivate, note, null);
    }
}
