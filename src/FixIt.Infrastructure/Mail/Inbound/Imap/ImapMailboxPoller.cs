using FixIt.Domain.Inbound;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail.Inbound.Imap;

/// <summary>
/// Polls an IMAP mailbox where an MX cannot point at FixIt, waiting with IDLE where offered. Each message
/// is processed once even across restarts and instances: it is stored under a unique key (folder,
/// UIDVALIDITY, UID) before anything else, the record step claims it, and only then is it flagged or moved.
/// </summary>
internal sealed partial class ImapMailboxPoller(
    IOptions<InboundMailOptions> options,
    InboundMailProcessor processor,
    ILogger<ImapMailboxPoller> logger) : BackgroundService
{
    public const string ProcessedKeyword = "$FixItProcessed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient();
                var folder = await OpenAsync(client, stoppingToken);
                failures = 0;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await PollOnceAsync(client, folder, stoppingToken);
                    await WaitAsync(client, folder, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Server down, credentials changed, connection dropped: back off and start over.
                failures++;
                LogPollFailed(ex.GetType().Name, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Min(failures, 6)))), stoppingToken);
            }
        }
    }

    private async Task<IMailFolder> OpenAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var imap = options.Value.Imap;
        var security = imap.Security switch
        {
            ImapSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            ImapSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(imap.Host, imap.Port, security, cancellationToken);
        await client.AuthenticateAsync(imap.UserName, imap.Password, cancellationToken);
        var folder = await client.GetFolderAsync(imap.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        return folder;
    }

    /// <summary>Processes one batch of messages not yet marked processed.</summary>
    private async Task PollOnceAsync(ImapClient client, IMailFolder folder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = SearchQuery.NotKeyword(ProcessedKeyword).And(SearchQuery.NotDeleted);
        var uids = (await folder.SearchAsync(query, cancellationToken)).Take(settings.Imap.BatchSize).ToList();
        if (uids.Count == 0)
        {
            return;
        }

        var sizes = (await folder.FetchAsync(uids, MessageSummaryItems.Size | MessageSummaryItems.UniqueId, cancellationToken))
            .ToDictionary(s => s.UniqueId, s => s.Size ?? 0);
        var processedFolder = string.IsNullOrWhiteSpace(settings.Imap.ProcessedFolder)
            ? null
            : await GetOrCreateFolderAsync(client, settings.Imap.ProcessedFolder, cancellationToken);

        foreach (var uid in uids)
        {
            var key = $"imap:{folder.FullName}:{folder.UidValidity}:{uid.Id}";
            if (sizes.GetValueOrDefault(uid) <= settings.MaxMessageBytes)
            {
                await using var stream = new MemoryStream();
                await using (var source = await folder.GetStreamAsync(uid, cancellationToken))
                {
                    await source.CopyToAsync(stream, cancellationToken);
                }

                var raw = stream.ToArray();
                var recipient = ImapRecipient.Find(raw, settings) ?? "";
                var id = await processor.StoreAsync(InboundChannel.Imap, key, recipient, ImapRecipient.ReturnPath(raw), raw, cancellationToken);
                await processor.ProcessAsync(id, cancellationToken);
            }
            else
            {
                LogTooLarge(uid.Id, sizes[uid]);
            }

            await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Keywords = { ProcessedKeyword }, Silent = true },
                cancellationToken);
            if (processedFolder is not null)
            {
                await folder.MoveToAsync(uid, processedFolder, cancellationToken);
            }
        }
    }

    private async Task WaitAsync(ImapClient client, IMailFolder folder, CancellationToken stoppingToken)
    {
        var pollInterval = TimeSpan.FromSeconds(options.Value.Imap.PollSeconds);
        if (!options.Value.Imap.UseIdle || !client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(pollInterval, stoppingToken);
            await client.NoOpAsync(stoppingToken);
            return;
        }

        // IDLE until a message arrives or the poll interval ends (servers drop an IDLE after ~30 minutes).
        using var done = new CancellationTokenSource(pollInterval);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    private static async Task<IMailFolder> GetOrCreateFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP folder {name} could not be created.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP polling failed with {Error}: {Message}; retrying")]
    private partial void LogPollFailed(string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP message UID {Uid} is {Size} bytes, over the limit; marked without processing")]
    private partial void LogTooLarge(uint uid, ulong size);
}
