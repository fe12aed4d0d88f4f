using System.ComponentModel.DataAnnotations;

namespace FixIt.Infrastructure.Mail;

/// <summary>Where outgoing mail goes: a folder (the development default, nothing to set up) or an SMTP server.</summary>
public enum MailTransportKind
{
    Pickup,
    Smtp,
}

/// <summary>How the SMTP connection is secured.</summary>
public enum MailTlsMode
{
    /// <summary>Plain text; for a relay on localhost only.</summary>
    None,

    /// <summary>STARTTLS, required (port 587).</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, else plain text.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Bound from "Mail"; validated at start.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>The pickup folder; default "mail" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public string SmtpHost { get; set; } = "";

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public MailTlsMode TlsMode { get; set; } = MailTlsMode.StartTls;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// The SHA-256 fingerprint (hex, colons allowed) of the relay's TLS certificate, for a relay whose certificate
    /// no public authority signed (an internal relay with a self-signed one). When set, that certificate and only
    /// that one is accepted; when empty, the usual validation against the system's trusted authorities applies.
    /// </summary>
    public string? SmtpCertificateSha256 { get; set; }

    /// <summary>The pinned fingerprint as 64 upper-case hex digits, or null.</summary>
    internal string? PinnedCertificate =>
        string.IsNullOrWhiteSpace(SmtpCertificateSha256) ? null : SmtpCertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    [Required]
    public string FromAddress { get; set; } = "fixit@fixit.localhost";

    public string FromName { get; set; } = "FixIt";

    /// <summary>The reply domain when none is configured; the one default for both directions of mail.</summary>
    public const string DefaultReplyDomain = "reply.fixit.localhost";

    /// <summary>The domain of the reports' reply addresses (reply+KEY@domain); its MX is the inbound listener.</summary>
    [Required]
    public string ReplyDomain { get; set; } = DefaultReplyDomain;

    /// <summary>
    /// MAIL FROM of every message is its own VERP address bounce+KEY@ReplyDomain (one key per message), so a delivery
    /// failure comes back to the listener naming that message and its recipient. False (for a relay that insists on its own envelope sender): Mail:FromAddress.
    /// </summary>
    public bool VerpEnvelopeSender { get; set; } = true;

    /// <summary>SMTP connections kept open and used in parallel, one dispatcher worker each.</summary>
    [Range(1, 32)]
    public int PoolSize { get; set; } = 2;

    /// <summary>Messages one worker claims at a time; a crash can re-send at most these, once each.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claim holds a message; after it, another dispatcher may take it (a crashed one's messages).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>False where this instance should only enqueue (a web-only node); another instance sends.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public TimeSpan ConfirmLinkLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan RespondLinkLifetime { get; set; } = TimeSpan.FromDays(180);

    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    internal IEnumerable<string> Problems()
    {
        if (Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return "Mail:SmtpHost is required when Mail:Transport is Smtp.";
        }

        if (string.IsNullOrEmpty(SmtpUser) != string.IsNullOrEmpty(SmtpPassword))
        {
            yield return "Mail:SmtpUser and Mail:SmtpPassword go together.";
        }

        if (!MimeKit.MailboxAddress.TryParse(FromAddress, out var from) || from.Address != FromAddress || !FromAddress.Contains('@', StringComparison.Ordinal))
        {
            yield return "Mail:FromAddress must be a plain email address.";
        }

        if (Uri.CheckHostName(ReplyDomain) != UriHostNameType.Dns)
        {
            yield return "Mail:ReplyDomain must be a DNS domain name.";
        }

        foreach (var (name, value) in new[] { ("RetryBaseDelay", RetryBaseDelay), ("RetryMaxDelay", RetryMaxDelay), ("PollInterval", PollInterval),
            ("Lease", Lease), ("SmtpTimeout", SmtpTimeout), ("ConfirmLinkLifetime", ConfirmLinkLifetime),
            ("RespondLinkLifetime", RespondLinkLifetime), ("UnsubscribeLinkLifetime", UnsubscribeLinkLifetime) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Mail:{name} must be positive.";
            }
        }

        if (PinnedCertificate is { } pin && (pin.Length != 64 || !pin.All(char.IsAsciiHexDigit)))
        {
            yield return "Mail:SmtpCertificateSha256 must be a SHA-256 fingerprint: 64 hex digits, colons allowed.";
        }

        if (PinnedCertificate is not null && TlsMode == MailTlsMode.None)
        {
            yield return "Mail:SmtpCertificateSha256 needs a TLS mode: with Mail:TlsMode None no certificate is ever seen.";
        }

        if (Lease <= SmtpTimeout)
        {
            yield return "Mail:Lease must be longer than Mail:SmtpTimeout, or a slow send could be taken over and sent twice.";
        }
    }
}
