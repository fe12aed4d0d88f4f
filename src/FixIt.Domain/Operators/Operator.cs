using FixIt.Domain.Text;

namespace FixIt.Domain.Operators;

/// <summary>An organisation responsible for problems: a council, a transport operator, a utility.</summary>
public sealed class Operator
{
    public int Id { get; set; }

    /// <summary>Shown publicly: kept in NFC without direction controls (<see cref="PublicTextScrubber"/>) whoever sets it.</summary>
    public string Name { get; set => field = PublicTextScrubber.Scrub(value); } = "";

    /// <summary>URL-safe unique name, used in /operators/{slug}.</summary>
    public string Slug { get; set; } = "";

    /// <summary>council, transport, utility, ...</summary>
    public string Kind { get; set; } = "";

    /// <summary>Days within which the operator aims to acknowledge a report.</summary>
    public int AcknowledgeTargetDays { get; set; } = 5;

    /// <summary>Days within which the operator aims to fix a report.</summary>
    public int FixTargetDays { get; set; } = 28;

    /// <summary>
    /// Who hears when a report stays unanswered after the last reminder (a manager, a complaints address); none: no
    /// escalation. Never shown publicly.
    /// </summary>
    public string? EscalationEmail { get; set; }

    /// <summary>
    /// False once an admin deactivates the operator: its routing rules stop choosing it for new reports; its reports,
    /// figures and public page stay.
    /// </summary>
    public bool IsActive { get; set; } = true;

    public List<OperatorContact> Contacts { get; set; } = [];

    /// <summary>The contact for a category: the category's own, else the catch-all one.</summary>
    public OperatorContact? ContactFor(int categoryId) =>
        Contacts.FirstOrDefault(c => c.CategoryId == categoryId) ?? Contacts.FirstOrDefault(c => c.CategoryId is null);
}

/// <summary>Where an operator wants reports of a category (or of any category) sent.</summary>
public sealed class OperatorContact
{
    public int Id { get; set; }

    public int OperatorId { get; set; }

    /// <summary>Null: the contact for every category without its own.</summary>
    public int? CategoryId { get; set; }

    public string Email { get; set; } = "";

    public string? Cc { get; set; }

    /// <summary>Set when mail to this contact bounced; cleared by an admin.</summary>
    public DateTimeOffset? BouncingSince { get; set; }

    /// <summary>Why it is marked bouncing: which message came back and what the delivery report said. Admins only.</summary>
    public string? BounceReason { get; set; }

    /// <summary>Mail to this contact bounced: the first bounce sets the time and the reason, later ones change nothing.</summary>
    public void MarkBouncing(DateTimeOffset at, string reason)
    {
        if (BouncingSince is null)
        {
            BouncingSince = at;
            BounceReason = TextElements.TruncateToLength(reason, 500);
        }
    }

    /// <summary>An admin checked the address ("mark as fixed"): mail to it is expected to arrive again.</summary>
    public void ClearBouncing()
    {
        BouncingSince = null;
        BounceReason = null;
    }
}
