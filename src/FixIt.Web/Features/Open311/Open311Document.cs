namespace FixIt.Web.Features.Open311;

/// <summary>
/// A response as Open311 shapes it, written as JSON or XML from the same tree: an object becomes a JSON
/// object or child elements; a list becomes a JSON array or repeated elements named <see cref="Open311List.ItemName"/>.
/// </summary>
internal sealed record Open311Document(string XmlRoot, object Body);

/// <summary>Named fields in order; values are strings, numbers, booleans, times, null, objects or lists.</summary>
internal sealed class Open311Object : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

internal sealed record Open311List(string ItemName, IReadOnlyList<object?> Items);
