using MimeKit;

namespace FixIt.Infrastructure.Mail.Sending;

/// <summary>
/// The development transport: each message becomes an .eml file in a folder (listed at /dev/mail), so a
/// newcomer needs no SMTP server and can click every link.
/// </summary>
internal sealed class PickupMailTransport(string folder, TimeProvider clock) : IMailTransport
{
    public string Folder { get; } = folder;

    public int Parallelism => 1;

    public async Task<SendOutcome[]> SendAsync(IReadOnlyList<OutgoingMail> messages, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var outcomes = new SendOutcome[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var now = clock.GetUtcNow();
            if (cancellationToken.IsCancellationRequested)
            {
                outcomes[i] = new SendOutcome(SendResult.NotAttempted, now);
                continue;
            }

            var name = $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(Folder, name + ".tmp");
            try
            {
                // Return-Path is what the receiving server would add from MAIL FROM: the envelope shows in the file.
                var message = messages[i].Message;
                message.Headers.Remove(HeaderId.ReturnPath);
                message.Headers.Insert(0, new Header(HeaderId.ReturnPath, $"<{messages[i].EnvelopeFrom.Address}>"));

                // Written aside and moved in, so the mailbox page never reads half a message.
                await message.WriteToAsync(temporary, CancellationToken.None);
                File.Move(temporary, Path.Combine(Folder, name));
                outcomes[i] = new SendOutcome(SendResult.Sent, now);
            }
            catch (IOException ex)
            {
                outcomes[i] = new SendOutcome(SendResult.Transient, now, ex.Message);
            }
        }

        return outcomes;
    }
}
