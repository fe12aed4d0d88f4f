using System.Security.Cryptography;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// A file uploaded on a console page, kept between its preview and its import under a random id (in the process's temporary
/// folder: the import must reach the instance that took the preview). Files older than two hours are swept at the next upload.
/// The uploaded part's file name is kept beside it, so what an import records as its origin is never the client's say-so.
/// </summary>
internal sealed class ConsoleUploads(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fixit-console-uploads");

    public async Task<string> SaveAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var file = File.Create(PathOf(id)))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        await File.WriteAllTextAsync(NamePathOf(id), NameOnly(fileName), cancellationToken);
        return id;
    }

    /// <summary>The upload's bytes; null for an id that is malformed, unknown or swept.</summary>
    public Stream? Open(string? id) => IsId(id) && File.Exists(PathOf(id!)) ? File.OpenRead(PathOf(id!)) : null;

    /// <summary>The name the upload's file had (no folder), as the browser sent it with the file; "" when unknown.</summary>
    public string NameOf(string? id) => IsId(id) && File.Exists(NamePathOf(id!)) ? File.ReadAllText(NamePathOf(id!)) : "";

    public void Delete(string? id)
    {
        if (IsId(id))
        {
            File.Delete(PathOf(id!));
            File.Delete(NamePathOf(id!));
        }
    }

    /// <summary>The last segment of either kind of path, without control characters, at most 100 characters.</summary>
    internal static string NameOnly(string? fileName)
    {
        var name = fileName ?? "";
        name = string.Concat(name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Where(c => !char.IsControl(c))).Trim();
        return name.Length > 100 ? name[..100] : name;
    }

    private string PathOf(string id) => Path.Combine(_folder, id + ".upload");

    private string NamePathOf(string id) => Path.Combine(_folder, id + ".name");

    private static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private void Sweep()
    {
        var before = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.upload").Concat(Directory.EnumerateFiles(_folder, "*.name")))
        {
            if (File.GetLastWriteTimeUtc(file) < before)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Being read by a request right now: the next sweep takes it.
                }
            }
        }
    }
}
