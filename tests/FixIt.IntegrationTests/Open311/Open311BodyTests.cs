using System.Net;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.Web.Features.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Open311;

/// <summary>Oversize forms, multipart forms, and text that would break XML written by hand.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311BodyTests(Open311Fixture apps)
{
    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task A_form_over_512_KB_is_a_413_error_document_and_nothing_is_stored(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var text = await app.PostAsync(format, Open311Http.ValidForm(new string('z', (int)Open311Endpoints.MaxFormBytes)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("413", Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"))["code"]);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Multipart_forms_are_accepted_and_markup_in_text_comes_back_intact(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var description = $"Bags & a <sofa> \"left\" by ]]> the gate {format}";
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Open311Http.ValidForm(description))
        {
            content.Add(new StringContent(value), key);
        }

        using var response = await app.Client.PostAsync($"open311/v2/requests.{format}", content);
        var token = Open311Doc.ListOf(format, await response.Content.ReadAsStringAsync(), "service_requests", "request").Single()["token"];
        var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Open311Token == token).Select(r => r.Id).SingleAsync());
        await app.UpdateAsync(id, r => r.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow));

        var request = Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/requests/{id}.{format}", format), "service_requests", "request").Single();
        Assert.Equal(description, request["description"]);
    }
}
