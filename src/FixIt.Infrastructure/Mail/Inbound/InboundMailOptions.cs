using System.ComponentModel.DataAnnotations;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>Bound from "InboundMail": replies by email, through the SMTP listener or an IMAP mailbox. Both off by default.</summary>
public sealed class InboundMailOptions
{
    public const string SectionName = "InboundMail";

    /// <summary>The domain of reply addresses (reply+KEY@ReplyDomain); its MX points at the listener. Always taken from Mail:ReplyDomain.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?)*$")]
    public string ReplyDomain { get; set; } = MailOptions.DefaultReplyDomain;

    /// <summary>Local part prefix of reply addresses.</summary>
    [Required]
    public string ReplyPrefix { get; set; } = "reply";

    /// <summary>Local part prefix of VERP bounce addresses (bounce+KEY@ReplyDomain), for use as the envelope sender of outbound mail.</summary>
    [Required]
    public string BouncePrefix { get; set; } = "bounce";

    /// <summary>
    /// Verify the DKIM signature of the From domain of received mail (docs/security/identity.md): the result is stored
    /// with the message, and a failing signature holds the message for an admin.
    /// </summary>
    public bool VerifyDkim { get; set; } = true;

    /// <summary>The largest message accepted, announced with SIZE.</summary>
    [Range(64 * 1024, 100 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 15 * 1024 * 1024;

    [Range(1024, 50 * 1024 * 1024)]
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxPhotos { get; set; } = 5;

    /// <summary>Images smaller than this are spacers, tracking pixels and signature logos, not photos.</summary>
    [Range(0, 1024 * 1024)]
    public int MinPhotoBytes { get; set; } = 4 * 1024;

    /// <summary>Region for phone numbers written without a country code, when masking them.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "GB";

    /// <summary>Tries before a message that keeps failing is left Failed for an admin.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Parsing that takes longer is given up and the message left Failed for an admin (a guard; parsing is linear).</summary>
    [Range(1, 600)]
    public int ParseTimeoutSeconds { get; set; } = 30;

    /// <summary>MIME parts (of any kind) a message may have; a message with more is parked for an admin before it is parsed.</summary>
    [Range(1, 10000)]
    public int MaxMimeParts { get; set; } = 100;

    /// <summary>How deep MIME parts may nest (multiparts and attached messages); deeper is parked before it is parsed.</summary>
    [Range(1, 64)]
    public int MaxMimeDepth { get; set; } = 20;

    /// <summary>Stored SMTP messages processed at once; each holds one message in memory while it is parsed.</summary>
    [Range(1, 64)]
    public int ProcessingWorkers { get; set; } = 2;

    /// <summary>How long an SMTP session waits for its message to be processed before answering 250 anyway.</summary>
    [Range(0, 60)]
    public int SessionWaitSeconds { get; set; } = 10;

    public InboundSmtpOptions Smtp { get; set; } = new();

    public InboundImapOptions Imap { get; set; } = new();
}

/// <summary>The listener the reply domain's MX points at.</summary>
public sealed class InboundSmtpOptions
{
    public bool Enabled { get; set; }

    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>25 in production (behind a port mapping); 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 2525;

    [Required]
    public string ServerName { get; set; } = "localhost";

    /// <summary>PFX/PKCS#12 file offered with STARTTLS; none: STARTTLS is not offered.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Sessions at once; connections beyond wait in the listen backlog.</summary>
    [Range(1, 10000)]
    public int MaxConnections { get; set; } = 100;

    /// <summary>Sessions at once from one client address; a connection beyond is answered 421 and closed.</summary>
    [Range(1, 10000)]
    public int MaxConnectionsPerAddress { get; set; } = 10;

    /// <summary>How long the listener waits for a command, or for more message data, before closing the connection.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Longest time a client may take to send one message's data (after 354), however steadily it trickles; then
    /// it is answered 421 and disconnected, so slow senders cannot hold the listener's connections.
    /// </summary>
    [Range(1, 3600)]
    public int MaxDataSeconds { get; set; } = 60;

    /// <summary>A message's data is held in memory up to this size; beyond, it is written to a temporary file.</summary>
    [Range(0, 100 * 1024 * 1024)]
    public int InMemoryThresholdBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Message data held in memory by all sessions together, received or being stored; beyond, data goes to disk
    /// and storing waits. At least InboundMail:MaxMessageBytes.
    /// </summary>
    [Range(64 * 1024, 4L * 1024 * 1024 * 1024)]
    public long MaxBufferedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Folder for the temporary files of large messages; empty: the system temporary folder.</summary>
    public string? SpoolDirectory { get; set; }

    [Range(1, 3600)]
    public int SessionTimeoutSeconds { get; set; } = 300;
}

public enum ImapSecurity
{
    SslOnConnect,
    StartTls,
    None,
}

/// <summary>A mailbox polled where an MX cannot point at FixIt.</summary>
public sealed class InboundImapOptions
{
    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    public ImapSecurity Security { get; set; } = ImapSecurity.SslOnConnect;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    [Required]
    public string Folder { get; set; } = "INBOX";

    /// <summary>Processed messages are moved here when set (created if missing); otherwise they are only flagged.</summary>
    public string? ProcessedFolder { get; set; }

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>Wait with IMAP IDLE between polls where the server offers it.</summary>
    public bool UseIdle { get; set; } = true;

    [Range(1, 100000)]
    public int BatchSize { get; set; } = 50;
}
