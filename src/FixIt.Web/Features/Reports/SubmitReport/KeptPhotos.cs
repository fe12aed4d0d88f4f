using System.Globalization;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Infrastructure.Persistence;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>
/// The photos of a report form that came back with an error, kept for an hour in the data folder
/// (<c>kept-photos/{token}/</c>) so the resident need not choose them again. The token is 96 random bits in a hidden
/// field of that form; nothing serves the files, so holding a token only lets someone attach those photos to a
/// report of their own. A successful submit removes its photos; expired ones go whenever photos are next kept.
/// </summary>
internal sealed class KeptPhotos(DataFolder folder, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string Folder = "kept-photos";
    private const string KeptAtFile = "kept-at";
    private const int TokenBytes = 12;
    private const int TokenLength = (TokenBytes * 8 + 4) / 5;

    /// <summary>Keeps the photos under a new token; returns it.</summary>
    public async Task<string> KeepAsync(IReadOnlyList<PhotoUpload> photos, CancellationToken cancellationToken)
    {
        RemoveExpired();
        var token = RandomKeys.Base32(TokenBytes);
        var directory = Path.GetDirectoryName(folder.PathOf(Folder, token, KeptAtFile))!;
        for (var i = 0; i < photos.Count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, $"{i}.photo"), photos[i].Content, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, $"{i}.name"), photos[i].FileName, cancellationToken);
        }

        // Written last: a folder without it is incomplete, and is removed as expired.
        await File.WriteAllTextAsync(Path.Combine(directory, KeptAtFile),
            clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return token;
    }

    /// <summary>The photos kept under the token, in the order they were chosen; none for an unknown or expired token.</summary>
    public async Task<IReadOnlyList<PhotoUpload>> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        if (DirectoryOf(token) is not { } directory || IsExpired(directory))
        {
            return [];
        }

        var photos = new List<PhotoUpload>();
        for (var i = 0; File.Exists(Path.Combine(directory, $"{i}.photo")); i++)
        {
            photos.Add(new PhotoUpload(await File.ReadAllTextAsync(Path.Combine(directory, $"{i}.name"), cancellationToken),
                await File.ReadAllBytesAsync(Path.Combine(directory, $"{i}.photo"), cancellationToken)));
        }

        return photos;
    }

    /// <summary>Removes the photos kept under the token (the report was sent, or they were kept again under a new one).</summary>
    public void Forget(string? token)
    {
        if (DirectoryOf(token) is { } directory)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string? DirectoryOf(string? token)
    {
        if (token is null || token.Length != TokenLength || !token.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            return null;
        }

        var directory = Path.Combine(folder.Root, Folder, token);
        return Directory.Exists(directory) ? directory : null;
    }

    private bool IsExpired(string directory)
    {
        var keptAt = Path.Combine(directory, KeptAtFile);
        return !File.Exists(keptAt) || !long.TryParse(File.ReadAllText(keptAt), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || clock.GetUtcNow().UtcTicks - ticks > Lifetime.Ticks;
    }

    private void RemoveExpired()
    {
        var root = Path.Combine(folder.Root, Folder);
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            // A folder being written right now has no kept-at file yet; give it a minute before calling it abandoned.
            if (IsExpired(directory) && (File.Exists(Path.Combine(directory, KeptAtFile))
                || DateTime.UtcNow - Directory.GetCreationTimeUtc(directory) > TimeSpan.FromMinutes(1)))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Another request removed it first.
                }
            }
        }
    }
}
