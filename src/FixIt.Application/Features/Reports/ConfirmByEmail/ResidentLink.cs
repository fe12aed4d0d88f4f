using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Reports.ConfirmByEmail;

/// <summary>
/// A single-use link a resident asked for on a report page, to be emailed to them (ADR 0216): what it is for
/// (<see cref="TokenPurpose.Update"/>, <see cref="TokenPurpose.Subscribe"/> or <see cref="TokenPurpose.Support"/>),
/// the address, and the language the email is written in and the link records. What the link acts for, when it is
/// not the reporter: the <see cref="Subscription"/> (a follower's update, or the following to confirm) or the
/// <see cref="Support"/> ("me too") it names; either may be unsaved.
/// </summary>
public sealed record ResidentLink(TokenPurpose Purpose, Report Report, string To, string Language)
{
    /// <summary>The name the email greets (the reporter's); empty for followers and supporters, who give none.</summary>
    public string ToName { get; init; } = "";

    public ReportSubscription? Subscription { get; init; }

    public ReportSupport? Support { get; init; }
}
