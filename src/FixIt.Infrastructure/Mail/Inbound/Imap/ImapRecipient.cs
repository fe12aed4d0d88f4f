using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound.Imap;

/// <summary>
/// A mailbox has no SMTP envelope: the reply address is read from the headers the delivering server adds
/// (Delivered-To, X-Original-To, Envelope-To), then from To and Cc.
/// </summary>
internal static class ImapRecipient
{
    private static readonly string[] EnvelopeHeaders = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"];

    public static string? Find(byte[] raw, InboundMailOptions options)
    {
        var headers = Headers(raw);
        if (headers is null)
        {
            return null;
        }

        var candidates = EnvelopeHeaders.SelectMany(name => headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            .Select(h => h.Value.Trim().Trim('<', '>'))
            .Concat(Addresses(headers, HeaderId.To)).Concat(Addresses(headers, HeaderId.Cc));
        return candidates.FirstOrDefault(a => ReplyAddress.TryParse(a, options, out _, out _));
    }

    public static string? ReturnPath(byte[] raw) => Headers(raw)?[HeaderId.ReturnPath]?.Trim().Trim('<', '>');

    private static IEnumerable<string> Addresses(HeaderList headers, HeaderId id) =>
        headers[id] is { } value && InternetAddressList.TryParse(value, out var list)
            ? list.Mailboxes.Select(m => m.Address)
            : [];

    private static HeaderList? Headers(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            return HeaderList.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
