using MimeKit;

namespace FixIt.Infrastructure.Mail;

/// <summary>Reads the pickup folder for the development mailbox page.</summary>
public sealed class DevMailbox(string folder)
{
    public string Folder { get; } = folder;

    public async Task<IReadOnlyList<DevMailSummary>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        // File names start with the send time, so the name order is the time order.
        var files = Directory.EnumerateFiles(Folder, "*.eml").Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal).Take(limit);
        var list = new List<DevMailSummary>();
        foreach (var name in files)
        {
            var message = await MimeMessage.LoadAsync(Path.Combine(Folder, name!), cancellationToken);
            list.Add(new DevMailSummary(name!, message.Date, message.To.ToString(), message.Subject ?? ""));
        }

        return list;
    }

    /// <summary>One message by its file name; null for a name that is not a message in the folder.</summary>
    public async Task<DevMail?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (Path.GetFileName(name) != name || !name.EndsWith(".eml", StringComparison.Ordinal) || !File.Exists(Path.Combine(Folder, name)))
        {
            return null;
        }

        var message = await MimeMessage.LoadAsync(Path.Combine(Folder, name), cancellationToken);
        var headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value)).ToList();
        return new DevMail(name, message.Subject ?? "", headers, message.TextBody ?? "", message.HtmlBody);
    }
}

public sealed record DevMailSummary(string Name, DateTimeOffset Date, string To, string Subject);

public sealed record DevMail(string Name, string Subject, IReadOnlyList<KeyValuePair<string, string>> Headers, string Text, string? Html);
