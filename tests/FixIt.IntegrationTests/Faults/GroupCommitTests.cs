using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Faults;

/// <summary>
/// Group commit for submissions (ADR 0218): submissions queued while the writer is busy are written together in one
/// transaction, every report once with its confirmation, and a submission that fails, fails alone.
/// </summary>
public sealed class GroupCommitTests
{
    private const int Batch = 12;

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Submissions_queued_together_are_written_in_one_batch_each_once_with_its_confirmation(DatabaseProvider provider)
    {
        var watcher = new SubmissionBatchWatcher();
        await using var app = await StartAsync(provider, watcher.AddTo);

        var (blocker, answers) = await SubmitWhileHeldAsync(app, watcher, Enumerable.Range(1, Batch).Select(i => Body($"Batched {i}", $"batched{i}@example.net")));

        Assert.Equal(HttpStatusCode.Created, blocker.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Contains(Batch, watcher.ReportsPerSave);
        var ids = answers.Select(a => a.Id).ToList();
        Assert.Equal(Batch, ids.Distinct().Count());
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => EF.Functions.Like(r.Title, "Batched %")).Select(r => new { r.Id, r.ReporterEmail }).ToListAsync());
        Assert.Equal(ids.Order(), stored.Select(r => r.Id).Order());
        var confirmations = await app.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.ReportId!.Value) && m.Kind == MailKind.ReporterConfirmation)
            .Select(m => new { m.ReportId, m.ToAddress }).ToListAsync());
        Assert.Equal(ids.Order(), confirmations.Select(c => c.ReportId!.Value).Order());
        Assert.All(confirmations, c => Assert.Equal(stored.Single(r => r.Id == c.ReportId).ReporterEmail, c.ToAddress));

        // Each answer's secret link is its own report's.
        foreach (var answer in answers.Take(3))
        {
            using var page = await app.Client.GetAsync(answer.Body.SecretPath());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(answer.Title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_submission_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored(DatabaseProvider provider)
    {
        var watcher = new SubmissionBatchWatcher();
        await using var app = await StartAsync(provider, watcher.AddTo);
        var bodies = Enumerable.Range(1, Batch).Select(i => Body(i == 5 ? $"{SubmissionBatchWatcher.PoisonPrefix} {i}" : $"Healthy {i}", $"healthy{i}@example.net"));

        var (_, answers) = await SubmitWhileHeldAsync(app, watcher, bodies);

        // The batch held all twelve and was refused; written one by one, only the poisoned one fails.
        Assert.Contains(Batch, watcher.ReportsPerSave);
        var poisoned = answers.Single(a => a.Title.StartsWith(SubmissionBatchWatcher.PoisonPrefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.InternalServerError, poisoned.StatusCode);
        var healthy = answers.Where(a => !ReferenceEquals(a, poisoned)).ToList();
        Assert.All(healthy, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => EF.Functions.Like(r.Title, "Healthy %") || EF.Functions.Like(r.Title, "Poison%")).Select(r => r.Id).ToListAsync());
        Assert.Equal(healthy.Select(a => a.Id).Order(), stored.Order());
        Assert.Equal(Batch - 1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => stored.Contains(m.ReportId!.Value) && m.Kind == MailKind.ReporterConfirmation)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_transient_fault_in_the_middle_of_a_batch_retries_it_and_stores_each_report_once(DatabaseProvider provider)
    {
        var watcher = new SubmissionBatchWatcher();
        var faults = new TransientFaultInjector(provider);
        await using var app = await StartAsync(provider, services =>
        {
            watcher.AddTo(services);
            faults.AddTo(services);
        });
        // Armed once the blocker's reports are written: the next insert of reports is the batch's.
        var (_, answers) = await SubmitWhileHeldAsync(app, watcher, Enumerable.Range(1, Batch).Select(i => Body($"Retried batch {i}", $"retried{i}@example.net")),
            whileHeld: () => faults.FailOnceAfter("INSERT INTO \"Reports\""));

        Assert.Equal(1, faults.Fired);
        Assert.Equal(2, watcher.ReportsPerSave.Count(n => n == Batch));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = answers.Select(a => a.Id).Order().ToList();
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => EF.Functions.Like(r.Title, "Retried batch %")).Select(r => r.Id).ToListAsync());
        Assert.Equal(ids, stored.Order());
        var confirmations = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == MailKind.ReporterConfirmation && ids.Contains(m.ReportId!.Value))
            .Select(m => m.ReportId!.Value).ToListAsync());
        Assert.Equal(ids, confirmations.Order());
        var links = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.Purpose == TokenPurpose.View && ids.Contains(t.ReportId)).Select(t => t.ReportId).ToListAsync());
        Assert.Equal(ids, links.Order());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Two_submissions_from_one_mailbox_in_one_batch_take_two_of_its_slots(DatabaseProvider provider)
    {
        var watcher = new SubmissionBatchWatcher();
        await using var app = await StartAsync(provider, watcher.AddTo, ("MailboxCaps:ReportConfirmationsPerDay", "2"));
        using (var earlier = await app.Client.PostAsJsonAsync("api/reports", Body("Capped earlier", "capped@example.net")))
        {
            Assert.Equal(HttpStatusCode.Created, earlier.StatusCode);
        }

        // One slot left for capped@example.net; the batch holds two more to that mailbox (one with a +tag) and two others.
        var bodies = new[]
        {
            Body("Capped one", "capped@example.net"), Body("Other one", "other1@example.net"),
            Body("Capped two", "capped+two@example.net"), Body("Other two", "other2@example.net"),
        };
        var (_, answers) = await SubmitWhileHeldAsync(app, watcher, bodies);

        Assert.Contains(bodies.Length, watcher.ReportsPerSave);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = answers.Select(a => a.Id).ToList();
        Assert.Equal(4, await app.WithDbAsync(db => db.Reports.CountAsync(r => ids.Contains(r.Id))));
        var sent = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == MailKind.ReporterConfirmation && ids.Contains(m.ReportId!.Value))
            .Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(3, sent.Count);
        Assert.Single(sent, to => to.StartsWith("capped", StringComparison.Ordinal));
    }

    private static Task<FixItApp> StartAsync(DatabaseProvider provider, Action<IServiceCollection> configureServices, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = MailApps.PublicBaseUrl,
            ["RateLimits:Submit:PermitLimit"] = "1000",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return FixItApp.StartAsync(provider, settings, configureServices);
    }

    private static Dictionary<string, object?> Body(string title, string email)
    {
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = email;
        return body;
    }

    /// <summary>
    /// Sends a blocker and waits until the writer holds it inside its transaction; sends <paramref name="bodies"/> and
    /// waits until all of them are queued behind it; then lets the writer go, so they are taken as one batch. The waits are
    /// long: on a machine shared by many builds a fresh app took over a minute to write its first submission.
    /// </summary>
    private static async Task<(Answer Blocker, IReadOnlyList<Answer> Answers)> SubmitWhileHeldAsync(FixItApp app, SubmissionBatchWatcher watcher,
        IEnumerable<Dictionary<string, object?>> bodies, Action? whileHeld = null)
    {
        var writer = app.Services.GetRequiredService<SubmissionWriter>();
        var blocker = SendAsync(app, Body(SubmissionBatchWatcher.BlockerTitle, "blocker@example.net"));
        await watcher.Blocked.WaitAsync(TimeSpan.FromSeconds(240));
        whileHeld?.Invoke();
        var all = bodies.ToList();
        var sent = all.Select(b => SendAsync(app, b)).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (writer.QueuedCount < all.Count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(240), $"Only {writer.QueuedCount} of {all.Count} submissions were queued.");
            await Task.Delay(20);
        }

        watcher.Release();
        return (await blocker, await Task.WhenAll(sent));
    }

    private static async Task<Answer> SendAsync(FixItApp app, Dictionary<string, object?> body)
    {
        using var response = await app.Client.PostAsJsonAsync("api/reports", body);
        var text = await response.Content.ReadAsStringAsync();
        var parsed = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var id = response.StatusCode == HttpStatusCode.Created ? parsed.GetProperty("id").GetInt32() : 0;
        return new Answer((string)body["title"]!, response.StatusCode, id, parsed);
    }

    private sealed record Answer(string Title, HttpStatusCode StatusCode, int Id, JsonElement Body);
}
