using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Text;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>Reads the form's files into memory, refusing oversize ones before they are buffered whole.</summary>
internal static class PhotoUploads
{
    public static async Task<IReadOnlyList<PhotoUpload>> ReadAsync(IReadOnlyList<IFormFile> files, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var photos = new List<PhotoUpload>();
        var messages = new List<string>();
        foreach (var file in files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            var name = Path.GetFileName(file.FileName);
            name = TextElements.Shorten(name, 60);
            if (file.Length > PhotoRules.MaxBytes)
            {
                messages.Add($"The photo \"{name}\" is larger than {PhotoRules.MaxBytes / (1024 * 1024)} MB.");
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            photos.Add(new PhotoUpload(name, buffer.ToArray()));
        }

        if (messages.Count > 0)
        {
            errors["photos"] = [.. messages];
        }

        return photos;
    }
}
