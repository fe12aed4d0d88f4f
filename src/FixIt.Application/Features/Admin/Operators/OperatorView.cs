using FixIt.Domain.Operators;

namespace FixIt.Application.Features.Admin.Operators;

/// <summary>One contact of an operator: a category code (null: every category), the address and its Cc addresses.</summary>
public sealed record OperatorContactView(string? Category, string Email, string? Cc)
{
    /// <summary>The stored contact's id (0 in a command: contacts are matched by category).</summary>
    public int Id { get; init; }

    /// <summary>When mail to it first bounced; null: not bouncing.</summary>
    public DateTimeOffset? BouncingSince { get; init; }

    /// <summary>Which message came back and what the delivery report said.</summary>
    public string? BounceReason { get; init; }
}

/// <summary>An operator (FixMyStreet's body) as the admin API shows and takes it; targets are in days.</summary>
public sealed record OperatorView(int Id, string Slug, string Name, string Kind, int AcknowledgeTargetDays, int FixTargetDays,
    IReadOnlyList<OperatorContactView> Contacts)
{
    /// <summary>Who is emailed when a report stays unanswered after the last reminder; null: no escalation.</summary>
    public string? EscalationEmail { get; init; }

    /// <summary>False: deactivated, no rule chooses it for new reports.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>The view of <paramref name="o"/>, with category ids named by <paramref name="categories"/> (id → code).</summary>
    internal static OperatorView Of(Operator o, IReadOnlyDictionary<int, string> categories) =>
        new(o.Id, o.Slug, o.Name, o.Kind, o.AcknowledgeTargetDays, o.FixTargetDays,
            [.. o.Contacts.OrderBy(c => c.CategoryId is null ? "" : categories[c.CategoryId.Value])
                .Select(c => new OperatorContactView(c.CategoryId is { } id ? categories[id] : null, c.Email, c.Cc)
                {
                    Id = c.Id,
                    BouncingSince = c.BouncingSince,
                    BounceReason = c.BounceReason,
                })])
        {
            EscalationEmail = o.EscalationEmail,
            IsActive = o.IsActive,
        };
}
