using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// RCPT is accepted only for a reply address whose key was issued to a recipient, or the VERP bounce address of a
/// message FixIt sent; anything else (a reply key under the bounce prefix, say) gets 550 before DATA, so the
/// listener is never a relay and mail to made-up addresses is not even received.
/// </summary>
internal sealed class ReplyKeyMailboxFilter(IServiceScopeFactory scopes, IOptions<InboundMailOptions> options) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        if (!ReplyAddress.TryParse(to.AsAddress(), options.Value, out var key, out var isBounceAddress))
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
            return isBounceAddress
                ? await db.OutboxMessages.AnyAsync(m => m.BounceKey == key, cancellationToken)
                : await db.ReplyKeys.AnyAsync(k => k.Key == key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The key cannot be checked (database down): a temporary refusal, so the sender tries again later.
            throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Cannot check this address now, try again later"));
        }
    }
}
