using System.Net;
using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.Open311;

/// <summary>Discovery, the service list and service definitions, field by field, in JSON and XML.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311ServicesTests(Open311Fixture apps)
{
    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Discovery_names_the_specification_url_changeset_type_and_formats(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        var discovery = Open311Doc.Root(format, await app.GetAsync($"open311/v2/discovery.{format}", format), "discovery");

        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], discovery.Names);
        Assert.Equal("2026-11-25T00:00:00+00:00", discovery["changeset"]);
        Assert.False(string.IsNullOrWhiteSpace(discovery["contact"]));
        Assert.Contains("api_key", discovery["key_service"], StringComparison.Ordinal);
        var endpoint = Assert.Single(discovery.List("endpoints", "endpoint"));
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], endpoint.Names);
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint["specification"]);
        Assert.Equal("http://localhost:5080/open311/v2", endpoint["url"]);
        Assert.Equal("2026-11-25T00:00:00+00:00", endpoint["changeset"]);
        Assert.Equal("production", endpoint["type"]);
        Assert.Equal(["text/xml", "application/json"], endpoint.Strings("formats", "format"));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Services_are_the_active_categories_with_every_field(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        var services = Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/services.{format}", format), "services", "service");

        Assert.Equal(["fly-tipping", "graffiti", "pothole", "street-lighting", "bus-shelter"], services.Select(s => s["service_code"]));
        Assert.All(services, s => Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], s.Names));
        var tipping = services[0];
        Assert.Equal("Fly-tipping", tipping["service_name"]);
        Assert.Equal("Rubbish dumped illegally.", tipping["description"]);
        Assert.Equal("true", tipping["metadata"]);
        Assert.Equal("batch", tipping["type"]);
        Assert.Null(tipping["keywords"]);
        Assert.Equal("Environment", tipping["group"]);
        var lighting = services.Single(s => s["service_code"] == "street-lighting");
        Assert.Equal("false", lighting["metadata"]);
        Assert.Equal("Roads", lighting["group"]);
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Service_definition_lists_the_category_questions_as_attributes(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        var definition = Open311Doc.Root(format, await app.GetAsync($"open311/v2/services/fly-tipping.{format}", format), "service_definition");

        Assert.Equal(["service_code", "attributes"], definition.Names);
        Assert.Equal("fly-tipping", definition["service_code"]);
        var attributes = definition.List("attributes", "attribute");
        Assert.Equal(2, attributes.Count);
        Assert.All(attributes, a => Assert.Equal(
            ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"], a.Names));
        var size = attributes[0];
        Assert.Equal("true", size["variable"]);
        Assert.Equal("size", size["code"]);
        Assert.Equal("singlevaluelist", size["datatype"]);
        Assert.Equal("true", size["required"]);
        Assert.Null(size["datatype_description"]);
        Assert.Equal("1", size["order"]);
        Assert.Equal("How much has been dumped?", size["description"]);
        var values = size.List("values", "value");
        Assert.Equal(["small", "car", "lorry"], values.Select(v => v["key"]));
        Assert.Equal(["A bag or two", "A car boot load", "A lorry load"], values.Select(v => v["name"]));
        Assert.All(values, v => Assert.Equal(["key", "name"], v.Names));
        var hazardous = attributes[1];
        Assert.Equal(("hazardous", "string", "false", "2"), (hazardous["code"], hazardous["datatype"], hazardous["required"], hazardous["order"]));
        Assert.Empty(hazardous.List("values", "value"));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Service_without_questions_has_an_empty_definition(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        var definition = Open311Doc.Root(format, await app.GetAsync($"open311/v2/services/pothole.{format}", format), "service_definition");

        Assert.Equal("pothole", definition["service_code"]);
        Assert.Empty(definition.List("attributes", "attribute"));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Unknown_service_is_a_404_error_document(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        var text = await app.GetAsync($"open311/v2/services/no-such-thing.{format}", format, HttpStatusCode.NotFound);

        var error = Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"));
        Assert.Equal(["code", "description"], error.Names);
        Assert.Equal("404", error["code"]);
        Assert.Contains("no-such-thing", error["description"], StringComparison.Ordinal);
    }
}
