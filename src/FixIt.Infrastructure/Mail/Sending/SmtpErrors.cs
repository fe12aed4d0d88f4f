using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FixIt.Infrastructure.Mail.Sending;

/// <summary>Which SMTP failures are worth another try.</summary>
internal static class SmtpErrors
{
    /// <summary>The server or the network is unavailable, slow or refusing us for now; the message itself may be fine.</summary>
    public static bool IsConnectionProblem(Exception ex) => ex is IOException or SocketException or TimeoutException
        or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        or AuthenticationException or SslHandshakeException;

    /// <summary>5xx is a permanent refusal (RFC 5321 §4.2.1); 4xx asks to try later.</summary>
    public static bool IsPermanent(SmtpCommandException ex) => (int)ex.StatusCode >= 500;
}
