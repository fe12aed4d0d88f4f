using FixIt.Domain.Text;

namespace FixIt.Domain.Messaging;

/// <summary>What an outgoing email is for; decides what happens to the report once it is sent or given up.</summary>
public enum MailKind
{
    ReporterConfirmation,
    OperatorReport,
    ReporterSentNotice,
    ReporterUpdate,
    SubscriptionConfirmation,
    SubscriberUpdate,

    /// <summary>A reminder to the operator's contact: not acknowledged, or still open after the fix target.</summary>
    OperatorReminder,

    /// <summary>To the operator's escalation contact, with the report's history.</summary>
    OperatorEscalation,

    /// <summary>"Has this been fixed?" to the reporter.</summary>
    ReporterQuestionnaire,

    /// <summary>To the operator's contact: a resident says a fixed or closed report is still not fixed.</summary>
    OperatorReopened,

    /// <summary>The link to "My reports", to the address that asked for it.</summary>
    MyReportsLink,

    /// <summary>"Confirm your me too" to someone who says they have the same problem.</summary>
    SupportConfirmation,

    /// <summary>"Confirm you want alerts for this place" to whoever asked.</summary>
    AlertConfirmation,

    /// <summary>One new report, to an immediate alert for a place.</summary>
    AlertReport,

    /// <summary>The day's new reports, to a daily alert for a place.</summary>
    AlertDigest,

    /// <summary>To a new staff member: the single-use link to set their password.</summary>
    StaffInvitation,

    /// <summary>To a staff member who asked: the single-use link to set a new password.</summary>
    StaffPasswordReset,

    /// <summary>To every admin and moderator: what residents flagged as inappropriate since the last digest.</summary>
    FlagDigest,

    /// <summary>To the reporter or a confirmed follower who asked on the report page: the single-use link to add an update.</summary>
    UpdateLink,

    /// <summary>To the operator's contact: a resident added an update to an open report (their words quoted).</summary>
    OperatorResidentUpdate,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One email waiting to be sent, fully rendered when the change that caused it was saved (the raw link
/// tokens exist only at that moment), in the same transaction as that change.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(MailKind kind, int? reportId, int? operatorId, string toAddress, string toName, string subject,
        string textBody, string htmlBody, string? replyTo, string? listUnsubscribe, string messageId, DateTimeOffset now, string? bounceKey = null)
    {
        Kind = kind;
        ReportId = reportId;
        OperatorId = operatorId;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        ReplyTo = replyTo;
        ListUnsubscribe = listUnsubscribe;
        MessageId = messageId;
        BounceKey = bounceKey;
        Status = OutboxStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }

    public MailKind Kind { get; private set; }

    public int? ReportId { get; private set; }

    /// <summary>The operator an <see cref="MailKind.OperatorReport"/> goes to.</summary>
    public int? OperatorId { get; private set; }

    public string ToAddress { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string? ReplyTo { get; private set; }

    public string? ListUnsubscribe { get; private set; }

    /// <summary>Chosen at enqueue time, so a re-send after a crash carries the same Message-Id.</summary>
    public string MessageId { get; private set; } = "";

    /// <summary>
    /// The key of this message's own VERP envelope sender (bounce+KEY@reply domain): a delivery report that comes
    /// back to it is about this message and its recipient only. Never a reply address.
    /// </summary>
    public string? BounceKey { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Which dispatcher claim holds the message; with <see cref="LockedUntil"/>, the lease.</summary>
    public Guid? ClaimId { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = at;
        LastError = null;
        ReleaseClaim();
    }

    public void RetryAt(DateTimeOffset next, string error)
    {
        Attempts++;
        NextAttemptAt = next;
        LastError = Truncate(error);
        ReleaseClaim();
    }

    public void GiveUp(string error)
    {
        Attempts++;
        Status = OutboxStatus.Failed;
        LastError = Truncate(error);
        ReleaseClaim();
    }

    /// <summary>
    /// An admin asks for another try (the address was fixed, the server is back): a failed or retrying message is due
    /// now with a fresh count of attempts. The last error stays until a try succeeds.
    /// </summary>
    public void SendAgain(DateTimeOffset now)
    {
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        ReleaseClaim();
    }

    /// <summary>
    /// The recipient was erased: the record that a message was sent stays, without the address, the name or the body;
    /// a message still waiting is never sent.
    /// </summary>
    public void ForgetRecipient()
    {
        ToAddress = "";
        ToName = "";
        TextBody = "";
        HtmlBody = "";
        if (Status == OutboxStatus.Pending)
        {
            Status = OutboxStatus.Failed;
            LastError = "Not sent: the recipient's data was erased.";
            ReleaseClaim();
        }
    }

    /// <summary>
    /// The message became outdated before it was sent (an operator's report email whose links were revoked by that
    /// operator's decline): a message still waiting is never sent, and says why. One already sent or given up stays as it is.
    /// </summary>
    public void Withdraw(string why)
    {
        if (Status == OutboxStatus.Pending)
        {
            Status = OutboxStatus.Failed;
            LastError = Truncate(why);
            ReleaseClaim();
        }
    }

    /// <summary>Hands a claimed but unattempted message back at once (the dispatcher is stopping).</summary>
    public void ReleaseClaim()
    {
        ClaimId = null;
        LockedUntil = null;
    }

    private static string Truncate(string error) => TextElements.TruncateToLength(error, 1000);
}
