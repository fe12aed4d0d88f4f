using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Privacy;
using Mediator;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Privacy.RequestMyReportsLink;

/// <summary>
/// Someone asks for the "My reports" link. The answer is the same whatever the address: the link goes only to an
/// address FixIt holds something for, within its mailbox's daily cap, and only that mailbox learns which it was.
/// </summary>
public sealed record RequestMyReportsLinkCommand(string? Email) : ICommand;

internal sealed class RequestMyReportsLinkHandler(IFixItDb db, IPersonMailer mailer, IOptions<PrivacyOptions> options, TimeProvider clock)
    : ICommandHandler<RequestMyReportsLinkCommand>
{
    public async ValueTask<Unit> Handle(RequestMyReportsLinkCommand command, CancellationToken cancellationToken)
    {
        var address = PersonAddress.Normalize(command.Email)!;
        if (!await PersonAddress.IsKnownAsync(db, address, cancellationToken))
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        var lifetime = options.Value.LinkLifetime;
        var (token, hash) = LinkTokens.NewToken();
        if (await mailer.QueueMyReportsLinkAsync(address, token, lifetime, cancellationToken))
        {
            db.MyReportsTokens.Add(new MyReportsToken(hash, address, now, now + lifetime));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
