namespace FixIt.Domain.Messaging;

/// <summary>
/// Someone (not necessarily the reporter) who asked to be emailed about updates to one public report. Mail goes
/// only once the address is confirmed from the emailed link, so nobody can sign up someone else.
/// </summary>
public sealed class ReportSubscription
{
    private ReportSubscription()
    {
    }

    public ReportSubscription(int reportId, string email, DateTimeOffset now)
    {
        ReportId = reportId;
        Email = email;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>Trimmed and lower-cased, so one address has one subscription per report.</summary>
    public string Email { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The language they last asked in (a BCP 47 tag such as "en" or "cy"): the emails to them are written in it.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>Records the language of the latest request, so the next emails follow it.</summary>
    public void AskedIn(string language) => Language = string.IsNullOrWhiteSpace(language) ? "en" : language;

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? UnsubscribedAt { get; private set; }

    public bool IsActive => ConfirmedAt is not null && UnsubscribedAt is null;

    /// <summary>Confirming again after unsubscribing starts the subscription afresh.</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (!IsActive)
        {
            ConfirmedAt = now;
            UnsubscribedAt = null;
        }
    }

    public void Unsubscribe(DateTimeOffset now) => UnsubscribedAt ??= now;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
