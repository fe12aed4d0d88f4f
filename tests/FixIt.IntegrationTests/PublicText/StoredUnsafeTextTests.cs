using System.Text.Json;
using System.Xml.Linq;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>
/// Rows stored before today's rules (written straight into the database, as an old version or an import would have)
/// with control characters, noncharacters and a live-looking token link: no list, feed, export or page breaks, and no
/// token shows.
/// </summary>
public sealed class StoredUnsafeTextTests
{
    private const string Unsafe = "\u0001 \uFFFE \u001B \u0085 \uFDD0 \u007F";

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task Old_rows_with_unsafe_characters_and_token_links_break_no_list_feed_or_export(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider);
        var (id, _) = await app.MarkedSentReportAsync("Stored before the rules");
        var token = "Zx9-" + new string('q', 35) + "_a1B";
        var link = $"https://fixit.example.org/respond/{token}/fixed";
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.AddNote(ActorKind.Operator, "Demo City Council", EventSource.EmailReply, "Placeholder", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            var (title, text) = ($"Lamp{Unsafe} out", $"Old text{Unsafe} with {link} in it");
            var areas = await db.Reports.Where(r => r.Id == id).SelectMany(r => r.Areas.Select(a => a.AreaId)).ToListAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"Reports\" SET \"Title\" = {title}, \"Description\" = {text}, \"Address\" = {title} WHERE \"Id\" = {id}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"ReportEvents\" SET \"PublicText\" = {text} WHERE \"ReportId\" = {id}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"Categories\" SET \"Name\" = {"Street" + Unsafe + " lighting"} WHERE \"Id\" = {report.CategoryId}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"Operators\" SET \"Name\" = {"Demo" + Unsafe + " Council"} WHERE \"Id\" = {report.OperatorId}");
            foreach (var area in areas)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"Areas\" SET \"Name\" = {"Area" + Unsafe} WHERE \"Id\" = {area}");
            }

            return 0;
        });

        // The row holds them (read past the scrubbing converter); no public surface shows them.
        Assert.Contains(Unsafe, await app.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"Name\" AS \"Value\" FROM \"Categories\" WHERE \"Name\" LIKE {"Street%"}").FirstAsync()), StringComparison.Ordinal);
        foreach (var (path, body) in await PublicSurfaces.FetchAsync(app, await PublicSurfaces.PathsShowingAsync(app, id)))
        {
            var kind = path.Split('?')[0];
            if (kind.EndsWith(".xml", StringComparison.Ordinal) || kind.EndsWith(".atom", StringComparison.Ordinal))
            {
                XDocument.Parse(body);
            }
            else if (kind.StartsWith("api/", StringComparison.Ordinal) || kind.EndsWith("json", StringComparison.Ordinal))
            {
                JsonDocument.Parse(body).Dispose();
            }

            Assert.True(TextCharacters.IndexOfUnsafe(body, out var found) < 0, $"/{path} holds {TextCharacters.Describe(found)}.");
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        }
    }
}
