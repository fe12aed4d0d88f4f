using System.Net;
using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Console;

/// <summary>Every write of the administrators' console pages, as a browser without script sends it, on both providers.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class ConsoleWriteTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_admin_creates_an_operator_with_contacts_then_edits_and_deactivates_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/operators");
        var slug = $"north-{Guid.NewGuid():N}"[..20];

        using var created = await admin.SubmitFormAsync("admin/operators/new", "admin/operators/new", ("Slug", slug), ("Name", "North Council"),
            ("Kind", "council"), ("AcknowledgeTargetDays", "3"), ("FixTargetDays", "20"), ("EscalationEmail", "Manager@North.example"),
            ("IsActive", "true"), ("Contacts[0].Category", ""), ("Contacts[0].Email", "reports@north.example"), ("Contacts[0].Cc", ""),
            ("Contacts[1].Category", "pothole"), ("Contacts[1].Email", "roads@north.example"), ("Contacts[1].Cc", "a@north.example, b@north.example"),
            ("Contacts[2].Category", ""), ("Contacts[2].Email", ""), ("Contacts[2].Cc", ""));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/admin/operators/{slug}?done=created", created.Headers.Location!.OriginalString);
        var stored = await app.WithDbAsync(db => db.Operators.AsNoTracking().Include(o => o.Contacts).SingleAsync(o => o.Slug == slug));
        Assert.Equal(("North Council", 3, 20, "Manager@north.example", true),
            (stored.Name, stored.AcknowledgeTargetDays, stored.FixTargetDays, stored.EscalationEmail, stored.IsActive));
        Assert.Equal(2, stored.Contacts.Count);
        Assert.Contains(stored.Contacts, c => c.CategoryId is not null && c.Email == "roads@north.example" && c.Cc == "a@north.example, b@north.example");
        var page = await admin.GetStringAsync($"admin/operators/{slug}?done=created");
        Assert.Contains("The operator is created.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"roads@north.example\"", page, StringComparison.Ordinal);

        // Edit: the catch-all contact removed (its row cleared), deactivated (the box left unticked).
        using var saved = await admin.SubmitFormAsync($"admin/operators/{slug}", $"admin/operators/{slug}", ("Name", "North Council"),
            ("Kind", "council"), ("AcknowledgeTargetDays", "3"), ("FixTargetDays", "20"), ("EscalationEmail", ""),
            ("Contacts[0].Category", ""), ("Contacts[0].Email", ""), ("Contacts[0].Cc", ""),
            ("Contacts[1].Category", "pothole"), ("Contacts[1].Email", "roads@north.example"), ("Contacts[1].Cc", ""));
        Assert.Equal($"/admin/operators/{slug}?done=saved", saved.Headers.Location!.OriginalString);
        stored = await app.WithDbAsync(db => db.Operators.AsNoTracking().Include(o => o.Contacts).SingleAsync(o => o.Slug == slug));
        Assert.False(stored.IsActive);
        Assert.Null(stored.EscalationEmail);
        Assert.Equal("roads@north.example", Assert.Single(stored.Contacts).Email);
        Assert.Contains("deactivated", await admin.GetStringAsync("admin/operators"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_rejected_operator_form_names_each_field_keeps_what_was_typed_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/operators");
        var slug = $"bad-{Guid.NewGuid():N}"[..16];

        using var rejected = await admin.SubmitFormAsync("admin/operators/new", "admin/operators/new", ("Slug", slug), ("Name", "Bad Council"),
            ("Kind", "council"), ("AcknowledgeTargetDays", "soon"), ("FixTargetDays", "28"),
            ("Contacts[0].Category", ""), ("Contacts[0].Email", "fine@bad.example"), ("Contacts[0].Cc", ""),
            ("Contacts[1].Category", ""), ("Contacts[1].Email", ""), ("Contacts[1].Cc", ""),
            ("Contacts[2].Category", "pothole"), ("Contacts[2].Email", "not an address"), ("Contacts[2].Cc", ""));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var html = await rejected.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#AcknowledgeTargetDays\">The acknowledge target must be a whole number.</a>", html, StringComparison.Ordinal);
        // The blank row in between is skipped by the command; the error still names the row it was typed in.
        Assert.Contains("<a href=\"#Contacts[2].Email\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Contacts[2].Email\" name=\"Contacts[2].Email\" type=\"email\" value=\"not an address\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Operators.AnyAsync(o => o.Slug == slug)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_bouncing_contact_shows_why_and_since_when_until_it_is_marked_as_fixed(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/operators");
        var contactId = await app.WithDbAsync(async db =>
        {
            var contact = await db.OperatorContacts.FirstAsync(c => db.Operators.Any(o => o.Id == c.OperatorId && o.Slug == "demo-buses"));
            contact.MarkBouncing(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), "Report 7 (message 9) came back as undeliverable: mailbox full");
            await db.SaveChangesAsync();
            return contact.Id;
        });

        var page = await admin.GetStringAsync("admin/operators/demo-buses");
        Assert.Contains("bouncing since <time datetime=\"2026-11-30T09:00:00", page, StringComparison.Ordinal);
        Assert.Contains("mailbox full", page, StringComparison.Ordinal);
        Assert.Contains("1 bouncing", await admin.GetStringAsync("admin/operators"), StringComparison.Ordinal);

        using var fixedResponse = await admin.SubmitFormAsync("admin/operators/demo-buses", $"admin/operators/demo-buses/contacts/{contactId}/fixed");
        Assert.Equal("/admin/operators/demo-buses?done=fixed", fixedResponse.Headers.Location!.OriginalString);
        var contact = await app.WithDbAsync(db => db.OperatorContacts.AsNoTracking().SingleAsync(c => c.Id == contactId));
        Assert.Null(contact.BouncingSince);
        Assert.Null(contact.BounceReason);
        Assert.DoesNotContain("data-testid=\"bouncing\"", await admin.GetStringAsync("admin/operators/demo-buses"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_admin_creates_a_category_with_extra_questions_previews_them_and_retires_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/categories");
        var code = $"flood-{Guid.NewGuid():N}"[..16];
        (string, string)[] fields =
        [
            ("Code", code), ("Name", "Flooding"), ("Group", "Water"), ("Description", "Standing water on a road."), ("IsActive", "true"),
            ("ExtraQuestions[0].Code", "depth"), ("ExtraQuestions[0].Question", "How deep is it?"), ("ExtraQuestions[0].DataType", "singlevaluelist"),
            ("ExtraQuestions[0].Required", "true"), ("ExtraQuestions[0].Values", "ankle: Ankle deep\nKnee deep"), ("ExtraQuestions[0].Description", ""),
            ("ExtraQuestions[1].Code", "cars"), ("ExtraQuestions[1].Question", "How many cars are stuck?"), ("ExtraQuestions[1].DataType", "number"),
            ("ExtraQuestions[1].Values", ""), ("ExtraQuestions[1].Description", ""),
        ];

        // "Preview" without script: the page as typed, the resident's questions rendered, nothing saved.
        using var preview = await admin.SubmitFormAsync("admin/categories/new", "admin/categories/new", [.. fields, ("preview", "1")]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"<input id=\"attr-{code}-depth-knee-deep\" name=\"attribute[{code}][depth]\" type=\"radio\" value=\"knee-deep\"", previewHtml, StringComparison.Ordinal);
        Assert.Contains("How many cars are stuck? (optional)", previewHtml, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Code == code)));

        using var created = await admin.SubmitFormAsync("admin/categories/new", "admin/categories/new", fields);
        Assert.Equal($"/admin/categories/{code}?done=created", created.Headers.Location!.OriginalString);
        var stored = await app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Code == code));
        Assert.Equal(("Flooding", "Water", true), (stored.Name, stored.Group, stored.IsActive));
        Assert.Equal(["depth", "cars"], stored.ExtraQuestions.OrderBy(q => q.Order).Select(q => q.Code));
        var depth = stored.ExtraQuestions.Single(q => q.Code == "depth");
        Assert.True(depth.Required);
        Assert.Equal(["ankle=Ankle deep", "knee-deep=Knee deep"], depth.Values.Select(v => $"{v.Key}={v.Name}"));

        // Retire (the box unticked) and remove the second question.
        using var retired = await admin.SubmitFormAsync($"admin/categories/{code}", $"admin/categories/{code}", ("Name", "Flooding"), ("Group", "Water"),
            ("Description", ""), ("ExtraQuestions[0].Code", "depth"), ("ExtraQuestions[0].Question", "How deep is it?"),
            ("ExtraQuestions[0].DataType", "singlevaluelist"), ("ExtraQuestions[0].Values", "ankle: Ankle deep"),
            ("ExtraQuestions[1].Code", "cars"), ("ExtraQuestions[1].Question", "How many cars are stuck?"), ("ExtraQuestions[1].DataType", "number"),
            ("ExtraQuestions[1].Remove", "true"));
        Assert.Equal($"/admin/categories/{code}?done=saved", retired.Headers.Location!.OriginalString);
        stored = await app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Code == code));
        Assert.False(stored.IsActive);
        Assert.Equal("depth", Assert.Single(stored.ExtraQuestions).Code);
        Assert.DoesNotContain(code, await app.Client.GetStringAsync("api/categories"), StringComparison.Ordinal);
        Assert.Contains("retired", await admin.GetStringAsync("admin/categories"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_list_question_without_choices_is_named_in_the_error_summary(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/categories");

        using var rejected = await admin.SubmitFormAsync("admin/categories/pothole", "admin/categories/pothole", ("Name", "Potholes"), ("Group", "Roads"),
            ("Description", "A hole."), ("IsActive", "true"), ("ExtraQuestions[0].Code", ""), ("ExtraQuestions[0].Question", ""),
            ("ExtraQuestions[1].Code", "size"), ("ExtraQuestions[1].Question", "How big?"), ("ExtraQuestions[1].DataType", "multivaluelist"),
            ("ExtraQuestions[1].Values", ""));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("<a href=\"#ExtraQuestions[1].Values\">A list question needs its values.</a>", await rejected.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Code == "pothole")).ContinueWith(t => t.Result.ExtraQuestions),
            q => q.Code == "size");
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_failed_email_is_sent_again_from_the_mail_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/mail");
        var id = await app.WithDbAsync(async db =>
        {
            var message = new OutboxMessage(MailKind.OperatorReport, null, null, "roads@north.example", "Roads", "A report", "text", "<p>html</p>", null, null,
                $"<{Guid.NewGuid():N}@fixit.test>", DateTimeOffset.UtcNow);
            message.GiveUp("550 5.1.1 <roads@north.example>: no such user");
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        Assert.Contains($"Resend #{id}", await admin.GetStringAsync("admin/mail"), StringComparison.Ordinal);

        using var resent = await admin.SubmitFormAsync("admin/mail", $"admin/mail/{id}/resend");

        Assert.Equal("/admin/mail?done=resent", resent.Headers.Location!.OriginalString);
        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        // Due again at once: the dispatcher may already have sent it.
        Assert.True(message.Status == OutboxStatus.Sent || (message.Status == OutboxStatus.Pending && message.Attempts == 0), $"{message.Status} {message.Attempts}");

        // A message that is not failed (any more) is refused with the reason, on the page.
        await app.WithDbAsync(async db =>
        {
            var again = await db.OutboxMessages.SingleAsync(m => m.Id == id);
            again.MarkSent(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var refused = await admin.SubmitFormAsync("admin/mail", $"admin/mail/{id}/resend");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Only an email that failed or waits for a retry can be sent again.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_api_key_is_shown_once_works_and_is_revoked(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await AdminAsync(app, "/admin/keys");
        var name = $"crm-{Guid.NewGuid():N}"[..16];

        using var missing = await admin.SubmitFormAsync("admin/keys", "admin/keys", ("Name", name), ("Role", "operator"), ("OperatorSlug", ""));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<a href=\"#OperatorSlug\">", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await admin.SubmitFormAsync("admin/keys", "admin/keys", ("Name", name), ("Role", "operator"), ("OperatorSlug", "demo-buses"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var key = CreatedKey().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.DoesNotContain(key, await admin.GetStringAsync("admin/keys"), StringComparison.Ordinal);
        using (var client = app.ClientWithKey(key))
        {
            using var read = await client.GetAsync("api/admin/operators/demo-buses");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var revoked = await admin.SubmitFormAsync("admin/keys", "admin/keys/revoke", ("Name", name));
        Assert.Equal("/admin/keys?done=revoked", revoked.Headers.Location!.OriginalString);
        using (var client = app.ClientWithKey(key))
        {
            using var refused = await client.GetAsync("api/admin/operators/demo-buses");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    private static async Task<HttpClient> AdminAsync(FixItApp app, string returnUrl)
    {
        var browser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(browser, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), returnUrl)).Dispose();
        return browser;
    }

    [GeneratedRegex("<code>([^<]+)</code>\\s*</div>")]
    private static partial Regex CreatedKey();
}
