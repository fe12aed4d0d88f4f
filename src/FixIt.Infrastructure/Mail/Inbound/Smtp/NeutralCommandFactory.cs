using System.Globalization;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// The SMTP library's commands with FixIt's own wording: the HELO/EHLO reply names the server and nothing else
/// (the library's "Hello x, haven't we met before?" identifies it), and a MAIL FROM whose SIZE exceeds the
/// largest message is refused with 552 even when the number is too large for the library to read.
/// </summary>
internal sealed class NeutralCommandFactory(long maxMessageBytes) : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new NeutralEhlo(domainOrAddress);

    public override SmtpCommand CreateHelo(string domainOrAddress) => new NeutralHelo(domainOrAddress);

    public override SmtpCommand CreateMail(IMailbox address, IReadOnlyDictionary<string, string> parameters)
    {
        // A SIZE beyond what the library can parse is read as "no SIZE"; it is pinned to a value it reads and refuses.
        if (parameters.TryGetValue("SIZE", out var size)
            && (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes > maxMessageBytes))
        {
            var pinned = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
            pinned["SIZE"] = int.MaxValue.ToString(CultureInfo.InvariantCulture);
            return base.CreateMail(address, pinned);
        }

        return base.CreateMail(address, parameters);
    }

    private sealed class NeutralEhlo(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context) => context.ServerOptions.ServerName;
    }

    private sealed class NeutralHelo(string domainOrAddress) : HeloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context) => context.ServerOptions.ServerName;
    }
}
