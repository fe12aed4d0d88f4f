using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Alerts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Alerts.CreateAlert;

/// <summary>
/// "Email me new reports" within a radius of a point, or in an area, optionally only in some categories. Nothing is sent
/// but the confirmation request until the link in it is used (double opt-in); the answer is the same for every address.
/// </summary>
public sealed record CreateAlertCommand(string? Email, double? Latitude, double? Longitude, int? RadiusMetres, int? AreaId,
    IReadOnlyList<string>? CategoryCodes, AlertFrequency Frequency) : ICommand
{
    /// <summary>The language the resident asked in (the request's culture, set by the endpoint); normalised to one of <see cref="SiteLanguages.All"/>.</summary>
    public string? Language { get; init; }
}

internal sealed class CreateAlertHandler(IFixItDb db, IAlertMailer mailer, TimeProvider clock) : ICommandHandler<CreateAlertCommand>
{
    public async ValueTask<Unit> Handle(CreateAlertCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = AreaAlert.Normalize(EmailAddresses.Normalize(command.Email) ?? command.Email!);
        var codes = command.CategoryCodes ?? [];
        var categoryIds = codes.Count == 0 ? [] : await db.Categories.Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync(cancellationToken);
        var alert = command.AreaId is { } areaId
            ? AreaAlert.ForArea(email, areaId, command.Frequency, categoryIds, now)
            : AreaAlert.ForRadius(email, command.Latitude!.Value, command.Longitude!.Value, command.RadiusMetres!.Value, command.Frequency, categoryIds, now);
        alert.AskedIn(SiteLanguages.Normalise(command.Language));
        db.AreaAlerts.Add(alert);
        await mailer.QueueConfirmationAsync(alert, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
