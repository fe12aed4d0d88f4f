namespace FixIt.Infrastructure.Mail;

/// <summary>
/// Bound from "MailboxCaps": the most emails of each kind FixIt sends, unasked by the owner, to one mailbox per UTC day
/// (<c>+tag</c> variants and case count as one mailbox). Beyond that the request gets its usual answer and nothing is sent.
/// </summary>
public sealed class MailboxCapOptions
{
    public const string SectionName = "MailboxCaps";

    /// <summary>"Confirm your report" emails to one mailbox per day.</summary>
    public int ReportConfirmationsPerDay { get; set; } = 20;

    /// <summary>"Confirm you want updates" emails to one mailbox per day.</summary>
    public int SubscriptionConfirmationsPerDay { get; set; } = 10;

    /// <summary>"My reports" links to one mailbox per day.</summary>
    public int MyReportsLinksPerDay { get; set; } = 5;

    /// <summary>"Confirm your me too" emails to one mailbox per day.</summary>
    public int SupportConfirmationsPerDay { get; set; } = 10;

    /// <summary>"Set a new password" emails to one staff account's mailbox per day (the forgot-password form).</summary>
    public int StaffPasswordResetsPerDay { get; set; } = 3;

    /// <summary>"Add your update" links (asked for on a report page) to one mailbox per day.</summary>
    public int UpdateLinksPerDay { get; set; } = 10;
}
