using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Mail;

public sealed class MailSettingsTests
{
    [Fact]
    public async Task App_does_not_start_with_smtp_transport_and_no_host()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => FixItApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Mail:Transport"] = "Smtp" }));

        Assert.Contains("Mail:SmtpHost is required when Mail:Transport is Smtp.", Flatten(failure), StringComparison.Ordinal);
    }

    private static string Flatten(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " " + Flatten(ex.InnerException);
}
