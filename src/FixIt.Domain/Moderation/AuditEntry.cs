namespace FixIt.Domain.Moderation;

/// <summary>
/// One staff action on the record: who, when, what, on which report or update, the state before and after (JSON) and
/// the reason. Written in the same transaction as the action; never changed or deleted by the application (the context
/// refuses to save a modified or deleted entry).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(StaffActor actor, string action, DateTimeOffset at, string? reason,
        int? reportId = null, long? updateId = null, string? target = null, string? before = null, string? after = null)
    {
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Action = action;
        ReportId = reportId;
        UpdateId = updateId;
        Target = target;
        Before = before;
        After = after;
        Reason = reason?.Trim();
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public StaffActorKind ActorKind { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    public int? ReportId { get; private set; }

    /// <summary>The timeline event (update) acted on, when the action was on one.</summary>
    public long? UpdateId { get; private set; }

    /// <summary>Any other thing acted on (a blocked address, a photo id), when the action was not on a report alone.</summary>
    public string? Target { get; private set; }

    /// <summary>The changed fields before the action, as a JSON object.</summary>
    public string? Before { get; private set; }

    /// <summary>The changed fields after the action, as a JSON object.</summary>
    public string? After { get; private set; }

    public string? Reason { get; private set; }
}

/// <summary>The names of the staff actions in the audit log (stable: filters and exports use them).</summary>
public static class AuditActions
{
    public const string HideReport = "report.hide";
    public const string UnhideReport = "report.unhide";
    public const string HideUpdate = "update.hide";
    public const string UnhideUpdate = "update.unhide";
    public const string EditReport = "report.edit";
    public const string RemovePhoto = "report.photo.remove";
    public const string MarkDuplicate = "report.duplicate";
    public const string ExportPerson = "person.export";
    public const string ErasePerson = "person.erase";
    public const string HidePersonName = "person.hide-name";
    public const string BlockSender = "sender.block";
    public const string UnblockSender = "sender.unblock";
    public const string DismissFlags = "flags.dismiss";
    public const string CreateStaff = "staff.create";
    public const string ChangeStaffRole = "staff.role";
    public const string DisableStaff = "staff.disable";
    public const string AssignReport = "report.assign";

    // Configuration (ADR 0208): the target is the operator's slug, the category's code, "rule 12", the area kind, the key's name...
    public const string CreateOperator = "operator.create";
    public const string EditOperator = "operator.edit";
    public const string DeactivateOperator = "operator.deactivate";
    public const string ContactFixed = "contact.fixed";
    public const string CreateCategory = "category.create";
    public const string EditCategory = "category.edit";
    public const string RetireCategory = "category.retire";
    public const string CreateRule = "rule.create";
    public const string EditRule = "rule.edit";
    public const string RetireRule = "rule.retire";
    public const string DeleteRule = "rule.delete";
    public const string ImportRules = "rule.import";
    public const string ImportAreas = "area.import";
    public const string DeleteArea = "area.delete";
    public const string CreateApiKey = "apikey.create";
    public const string RevokeApiKey = "apikey.revoke";
    public const string CreateTemplate = "template.create";
    public const string EditTemplate = "template.edit";
    public const string DeleteTemplate = "template.delete";
    public const string ResendMail = "mail.resend";
}
