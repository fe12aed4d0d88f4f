using FixIt.Domain.Moderation;

namespace FixIt.Application.Features.Moderation;

/// <summary>The flag reasons as the form offers them (a slug and a question's answer) and as staff read them.</summary>
public static class FlagReasons
{
    public static readonly IReadOnlyList<FlagReason> All = [FlagReason.Abusive, FlagReason.PersonalDetails, FlagReason.Spam, FlagReason.Other];

    public static string Slug(this FlagReason reason) => reason switch
    {
        FlagReason.PersonalDetails => "personal-details",
        _ => reason.ToString().ToLowerInvariant(),
    };

    public static FlagReason? FromSlug(string? slug) => All.Cast<FlagReason?>().FirstOrDefault(r => r!.Value.Slug() == slug?.Trim());

    /// <summary>The answer on the public form.</summary>
    public static string Describe(this FlagReason reason) => reason switch
    {
        FlagReason.Abusive => "It is offensive, abusive or hateful",
        FlagReason.PersonalDetails => "It shows someone's personal details (a phone number, an address)",
        FlagReason.Spam => "It is advertising or spam, not a problem",
        _ => "Something else (say what below)",
    };

    /// <summary>The short name staff see in the queue and the digest.</summary>
    public static string Label(this FlagReason reason) => reason switch
    {
        FlagReason.PersonalDetails => "personal details",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
