namespace FixIt.Domain.Reports;

/// <summary>
/// A resident's "me too" on a public report: they have the same problem and add their support instead of filing a
/// duplicate. It counts once confirmed from the emailed link, and once per mailbox. Only the SHA-256 of the normalised
/// mailbox is kept (as for the daily mailbox caps): the count needs to tell people apart, never to know who they are.
/// </summary>
public sealed class ReportSupport
{
    private ReportSupport()
    {
    }

    public ReportSupport(int reportId, string mailbox, DateTimeOffset now)
    {
        ReportId = reportId;
        Mailbox = mailbox;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the supporter's mailbox key (lower case, no <c>+tag</c>).</summary>
    public string Mailbox { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The language they last asked in (a BCP 47 tag such as "en" or "cy"): the emails to them are written in it.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>Records the language of the latest request, so the next emails follow it.</summary>
    public void AskedIn(string language) => Language = string.IsNullOrWhiteSpace(language) ? "en" : language;

    /// <summary>When the emailed link was used; until then the support is not counted.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool IsCounted => ConfirmedAt is not null;

    /// <summary>
    /// Asked for by a sender on the block list (checked when asked: the row keeps no address to check later). Its
    /// confirmation link works as usual and counts nothing.
    /// </summary>
    public bool SenderBlocked { get; private set; }

    /// <summary>Records whether the sender was on the block list when they (last) asked.</summary>
    public void AskedBy(bool senderBlocked) => SenderBlocked = senderBlocked;

    public void Confirm(DateTimeOffset now)
    {
        if (!SenderBlocked)
        {
            ConfirmedAt ??= now;
        }
    }
}
