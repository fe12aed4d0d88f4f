namespace FixIt.Domain.Access;

public enum ApiKeyRole
{
    /// <summary>Reads and changes everything under /api/admin.</summary>
    Admin,

    /// <summary>Reads only what concerns one operator.</summary>
    Operator,
}

/// <summary>An API key for /api/admin. Only the SHA-256 of the key is stored; the key is shown once, at creation.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string KeyHash { get; set; } = "";

    public ApiKeyRole Role { get; set; }

    /// <summary>The one operator an operator key may read; null for admin keys.</summary>
    public int? OperatorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
