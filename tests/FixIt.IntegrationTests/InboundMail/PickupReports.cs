using System.Net;
using FixIt.Infrastructure.Mail;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// Reports set up through the outbox on an app that writes its mail to the pickup folder (the default transport,
/// no SMTP): the confirm link and the reply address are read from the .eml files the app wrote.
/// </summary>
public static class PickupReports
{
    /// <summary>Settings the app needs for this: mail sent promptly, links on the base <see cref="MailApps.LinkPath(string, string)"/> expects.</summary>
    public static void AddPickupSettings(IDictionary<string, string?> settings)
    {
        settings["Mail:PollInterval"] = "00:00:00.100";
        settings["Site:PublicBaseUrl"] = MailApps.PublicBaseUrl;
    }

    public static async Task<(int Id, string ReplyAddress)> SentThroughPickupAsync(this FixItApp app, string title)
    {
        var folder = app.Services.GetRequiredService<DevMailbox>().Folder;
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid(title))).GetProperty("id").GetInt32();

        var confirmation = await WaitForAsync(folder, m => m.Subject == $"Confirm your report: {title}", "the confirmation email");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation.TextBody ?? "", "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var toOperator = await WaitForAsync(folder, m => m.To.Mailboxes.Any(a => a.Address == InboundMailApp.OperatorContact)
            && (m.Subject ?? "").Contains($" #{id}]", StringComparison.Ordinal), "the operator email");
        return (id, toOperator.ReplyTo.Mailboxes.Single().Address);
    }

    private static async Task<MimeMessage> WaitForAsync(string folder, Func<MimeMessage, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            // Files are written aside and moved in, so every .eml here is complete.
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (match(message))
                {
                    return message;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what} in {folder}.");
            await Task.Delay(100);
        }
    }
}
