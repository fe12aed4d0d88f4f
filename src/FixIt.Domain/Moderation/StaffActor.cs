namespace FixIt.Domain.Moderation;

/// <summary>What kind of credential a staff action came with.</summary>
public enum StaffActorKind
{
    /// <summary>An admin API key (a machine, or a person pasting a key): the id is the key's name.</summary>
    ApiKey,

    /// <summary>A signed-in staff account (issue 14's accounts): the id is the account's id.</summary>
    StaffUser,

    /// <summary>Someone with a shell on the server, through a command-line verb (create-user, disable-user): the id is the verb.</summary>
    CommandLine,
}

/// <summary>
/// Who did a staff action, as the audit log records it: the kind of credential, its stable id and a display name. Passed
/// into every moderation command by the endpoint that authenticated the caller; the use cases never read claims.
/// </summary>
public sealed record StaffActor(StaffActorKind Kind, string Id, string Name)
{
    /// <summary>The timeline's name for any staff action: the public never learns which person or key it was.</summary>
    public const string PublicName = "A moderator";
}
