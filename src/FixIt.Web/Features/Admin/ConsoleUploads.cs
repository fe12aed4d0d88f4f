using System.Security.Cryptography;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// A file uploaded on a console page, kept between its preview and its import under a random id (in the process's temporary
/// folder: the import must reach the instance that took the preview). Files older than two hours are swept at the next upload.
/// </summary>
internal sealed class ConsoleUploads(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fixit-console-uploads");

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var file = File.Create(PathOf(id));
        await content.CopyToAsync(file, cancellationToken);
        return id;
    }

    /// <summary>The upload's bytes; null for an id that is malformed, unknown or swept.</summary>
    public Stream? Open(string? id) => IsId(id) && File.Exists(PathOf(id!)) ? File.OpenRead(PathOf(id!)) : null;

    public void Delete(string? id)
    {
        if (IsId(id))
        {
            File.Delete(PathOf(id!));
        }
    }

    private string PathOf(string id) => Path.Combine(_folder, id + ".upload");

    private static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private void Sweep()
    {
        var before = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.upload"))
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
