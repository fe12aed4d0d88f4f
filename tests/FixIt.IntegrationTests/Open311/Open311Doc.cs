using System.Text.Json;
using System.Xml.Linq;

namespace FixIt.IntegrationTests.Open311;

/// <summary>
/// One Open311 object read the same way from JSON or XML, so a test checks both formats with one set of
/// assertions. Scalars read as text ("true", "53.8", an empty XML element or a JSON null as null); lists are
/// checked to be arrays in JSON and repeated elements of the expected name in XML.
/// </summary>
public sealed class Open311Doc
{
    private readonly JsonElement? _json;
    private readonly XElement? _xml;

    private Open311Doc(JsonElement json) => _json = json;

    private Open311Doc(XElement xml) => _xml = xml;

    public IReadOnlyList<string> Names => _json is { } json
        ? [.. json.EnumerateObject().Select(p => p.Name)]
        : [.. _xml!.Elements().Select(e => e.Name.LocalName)];

    public string? this[string name]
    {
        get
        {
            if (_json is { } json)
            {
                Assert.True(json.TryGetProperty(name, out var value), $"No '{name}' in {json}");
                return value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => throw new Xunit.Sdk.XunitException($"'{name}' is not a scalar: {value}"),
                };
            }

            var element = _xml!.Element(name) ?? throw new Xunit.Sdk.XunitException($"No <{name}> in {_xml}");
            Assert.False(element.HasElements, $"<{name}> is not a scalar: {element}");
            return element.Value.Length == 0 ? null : element.Value;
        }
    }

    /// <summary>The objects of a list field: a JSON array, or &lt;name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/name&gt;.</summary>
    public IReadOnlyList<Open311Doc> List(string name, string itemName) => _json is { } json
        ? [.. json.GetProperty(name).EnumerateArray().Select(e => new Open311Doc(e))]
        : [.. Items(_xml!.Element(name) ?? throw new Xunit.Sdk.XunitException($"No <{name}> in {_xml}"), itemName).Select(e => new Open311Doc(e))];

    /// <summary>The scalars of a list field (discovery's formats).</summary>
    public IReadOnlyList<string> Strings(string name, string itemName) => _json is { } json
        ? [.. json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)]
        : [.. Items(_xml!.Element(name)!, itemName).Select(e => e.Value)];

    /// <summary>A whole response that is one object; in XML, the root element must be <paramref name="xmlRoot"/>.</summary>
    public static Open311Doc Root(string format, string text, string xmlRoot)
    {
        if (format == "json")
        {
            var json = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(JsonValueKind.Object, json.ValueKind);
            return new Open311Doc(json);
        }

        var root = XDocument.Parse(text).Root!;
        Assert.Equal(xmlRoot, root.Name.LocalName);
        return new Open311Doc(root);
    }

    /// <summary>A whole response that is a list: a JSON array, or &lt;root&gt; holding only &lt;item&gt; elements.</summary>
    public static IReadOnlyList<Open311Doc> ListOf(string format, string text, string xmlRoot, string itemName)
    {
        if (format == "json")
        {
            var json = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(JsonValueKind.Array, json.ValueKind);
            return [.. json.EnumerateArray().Select(e => new Open311Doc(e))];
        }

        var root = XDocument.Parse(text).Root!;
        Assert.Equal(xmlRoot, root.Name.LocalName);
        return [.. Items(root, itemName).Select(e => new Open311Doc(e))];
    }

    private static List<XElement> Items(XElement parent, string itemName)
    {
        var items = parent.Elements().ToList();
        Assert.All(items, e => Assert.Equal(itemName, e.Name.LocalName));
        return items;
    }
}
