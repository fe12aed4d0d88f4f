using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Privacy;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Moderation.FlagItem;

/// <summary>
/// A resident says a public report (<paramref name="UpdateId"/> null) or one of its public updates is inappropriate. The
/// item goes into the moderation queue, or its count there goes up; each client counts once per item while its flag is
/// open (a second flag from the same client changes nothing, and gets the same answer). <paramref name="Client"/> is the
/// client's address as the rate limiter partitions it; only a keyed hash of it and the item is stored (ADR 0155).
/// </summary>
/// <remarks>Errors: 404 for a report or update the public cannot see; 400 naming <c>reason</c> or <c>details</c>.</remarks>
public sealed record FlagItemCommand(int ReportId, long? UpdateId, FlagReason? Reason, string? Details, string Client) : ICommand;

internal sealed class FlagItemValidator : AbstractValidator<FlagItemCommand>
{
    public FlagItemValidator()
    {
        RuleFor(c => c.Reason).NotNull().WithMessage(_ => ValidationText.Get("FlagReason"))
            .Must(r => r is null || Enum.IsDefined(r.Value)).WithMessage(_ => ValidationText.Get("FlagReasonKnown"));
        RuleFor(c => c.Details).MaxCharacters(TextLimits.FlagDetails).PrintableText();
        RuleFor(c => c.Details).NotEmpty().When(c => c.Reason == FlagReason.Other).WithMessage(_ => ValidationText.Get("FlagDetails"));
    }
}

internal sealed class FlagItemHandler(IFixItDb db, IOptions<PrivacyOptions> privacy, TimeProvider clock) : ICommandHandler<FlagItemCommand>
{
    public async ValueTask<Unit> Handle(FlagItemCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Reports.Where(ReportStatusRules.IsPublicReport).AnyAsync(r => r.Id == command.ReportId, cancellationToken))
        {
            throw new NotFoundException("Report", command.ReportId);
        }

        if (command.UpdateId is { } updateId
            && !await db.ReportEvents.AnyAsync(e => e.Id == updateId && e.ReportId == command.ReportId && e.IsPublic, cancellationToken))
        {
            throw new NotFoundException("Update", updateId);
        }

        var key = FlaggerKey(command);
        if (await db.ReportFlags.AnyAsync(f => f.FlaggerKey == key, cancellationToken))
        {
            return Unit.Value;
        }

        db.ReportFlags.Add(new ReportFlag(command.ReportId, command.UpdateId, command.Reason!.Value, command.Details, key, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same client flagged the same item in another request at the same moment: counted once, same answer.
            if (!await db.ReportFlags.AsNoTracking().AnyAsync(f => f.FlaggerKey == key, cancellationToken))
            {
                throw;
            }
        }

        return Unit.Value;
    }

    // Bound to the item: one client's flags on two items cannot be linked to each other, nor to the client without the key.
    private string FlaggerKey(FlagItemCommand command) =>
        ErasureHash.Of($"flag\n{command.ReportId}\n{command.UpdateId}\n{command.Client}", privacy.Value.ErasureHashKey);
}
