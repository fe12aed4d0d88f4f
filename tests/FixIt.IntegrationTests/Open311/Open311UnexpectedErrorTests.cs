using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.Web.Features.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Open311;

/// <summary>An error FixIt did not foresee still reaches an Open311 client as an Open311 error document.</summary>
public sealed class Open311UnexpectedErrorTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unexpected_failure_is_a_500_error_document_in_the_requested_format(string format)
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite,
            Open311Fixture.Settings,
            services => services.AddSingleton<IOpen311KeyValidator, BrokenKeyValidator>());

        var text = await app.PostAsync(format, Open311Http.ValidForm("Unexpected"), HttpStatusCode.InternalServerError);

        var error = Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"));
        Assert.Equal("500", error["code"]);
        Assert.DoesNotContain("Broken on purpose", text, StringComparison.Ordinal);
    }

    private sealed class BrokenKeyValidator : IOpen311KeyValidator
    {
        public bool IsValid(string apiKey) => throw new InvalidOperationException("Broken on purpose.");
    }
}
