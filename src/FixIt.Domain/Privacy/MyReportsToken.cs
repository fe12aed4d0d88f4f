namespace FixIt.Domain.Privacy;

/// <summary>
/// The emailed link to "My reports": single-use and short-lived, for one address rather than one report. Only the
/// SHA-256 of the token is stored, like every link token; the address is kept until the link is used or expires, and
/// the row is deleted on erasure and by the retention job.
/// </summary>
public sealed class MyReportsToken
{
    private MyReportsToken()
    {
    }

    public MyReportsToken(string hash, string email, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Hash = hash;
        Email = email;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>The address the link was sent to, lower-cased.</summary>
    public string Email { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsUsed => UsedAt is not null;

    public void Use(DateTimeOffset now) => UsedAt ??= now;
}
