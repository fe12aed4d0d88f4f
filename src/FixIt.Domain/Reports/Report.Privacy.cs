namespace FixIt.Domain.Reports;

/// <summary>What a reporter controls about their report after making it: their name on it, and their contact details.</summary>
public sealed partial class Report
{
    /// <summary>The name the timeline gives a reporter whose contact details were erased.</summary>
    public const string ErasedReporterName = "A resident";

    /// <summary>When the reporter's name and contact details were erased (by them, an admin or retention); null while kept.</summary>
    public DateTimeOffset? ContactErasedAt { get; private set; }

    public bool IsContactErased => ContactErasedAt is not null;

    /// <summary>
    /// The reporter takes their name off the report: it is no longer shown, and the timeline entries they made (whose
    /// actor was copied when each was recorded) say "The reporter" instead. Needs <see cref="Events"/> loaded.
    /// Returns whether anything public changed.
    /// </summary>
    public bool HideName(DateTimeOffset now)
    {
        var wasShown = ShowName;
        ShowName = false;
        var renamed = RenameReporterEvents(PublicReporterName);
        if (wasShown || renamed > 0)
        {
            UpdatedAt = now;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Erases the reporter's name and contact details (email, phone, the Open311 client's device and account ids): the
    /// report stays, anonymised, and its timeline calls the reporter "A resident". Needs <see cref="Events"/> loaded.
    /// Returns the address that was erased (empty when it already was), for the caller to clear its copies.
    /// </summary>
    public string EraseContact(DateTimeOffset now)
    {
        var address = ReporterEmail;
        ReporterName = "";
        ReporterEmail = "";
        ReporterPhone = null;
        ShowName = false;
        DeviceId = null;
        AccountId = null;
        ContactErasedAt ??= now;
        RenameReporterEvents(ErasedReporterName);
        return address;
    }

    private int RenameReporterEvents(string actor)
    {
        var renamed = 0;
        foreach (var e in _events.Where(e => e.ActorKind == ActorKind.Reporter && e.Actor != actor))
        {
            e.RenameActor(actor);
            renamed++;
        }

        return renamed;
    }
}
