using System.Globalization;
using System.Text.Json;
using FixIt.Application.Routing;

namespace FixIt.Infrastructure.Spatial;

/// <summary>Reads GeoJSON or TopoJSON feature collections, telling them apart by their "type".</summary>
public static class FeatureSource
{
    /// <summary>System.Text.Json's default depth limit, which the reads keep.</summary>
    private const int MaxDepth = 64;

    public static async Task<IReadOnlyList<SourceFeature>> ReadAsync(Stream stream, FeatureFileLimits limits, string? topoJsonObject,
        CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(new LimitedReadStream(stream, limits.MaxBytes), default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            return type switch
            {
                "FeatureCollection" => GeoJsonFeatures.Read(root, new VertexBudget(limits), cancellationToken),
                "Topology" => TopoJsonFeatures.Read(root, topoJsonObject, new VertexBudget(limits), cancellationToken),
                _ => throw new ImportFileException("The file is neither a GeoJSON FeatureCollection nor a TopoJSON Topology."),
            };
        }
    }

    /// <summary>The names of a TopoJSON Topology's objects (empty for a GeoJSON file), for a page to offer as choices.</summary>
    public static async Task<IReadOnlyList<string>> TopologyObjectsAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(new LimitedReadStream(stream, maxBytes), default, cancellationToken);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueEquals("Topology")
                && root.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Object
                    ? [.. objects.EnumerateObject().Select(o => o.Name)]
                    : [];
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    /// <summary>
    /// Past System.Text.Json's depth limit (64) the file is valid so far but nested deeper than any feature file needs; the
    /// reader says so only in its message, so that is where it is told apart from a truncated file.
    /// </summary>
    private static ImportFileException NotJson(JsonException ex) =>
        ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                $"The file is nested too deeply (line {ex.LineNumber + 1}): more than {MaxDepth} levels of brackets, where a GeoJSON or TopoJSON file needs a few."), ex)
            : new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                $"The file is not valid JSON (line {ex.LineNumber + 1}): it may be truncated."), ex);

    internal static Dictionary<string, string> Properties(JsonElement feature)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in properties.EnumerateObject())
            {
                result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        return result;
    }

    internal static string? Id(JsonElement feature) =>
        feature.TryGetProperty("id", out var id) ? (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()) : null;
}

/// <summary>Fails the read once more than the limit has been read, so a huge upload is never held whole.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new ImportFileException($"The file is larger than the limit of {limit:N0} bytes.") { TooLarge = true };
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
