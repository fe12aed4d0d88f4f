using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Text;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>
/// Reads the form's files into memory, refusing oversize ones before they are buffered whole; the refusal is said in
/// the reader's language when a localizer is given.
/// </summary>
internal static class PhotoUploads
{
    private const string TooLarge = "The photo \"{0}\" is larger than {1} MB.";

    public static async Task<IReadOnlyList<PhotoUpload>> ReadAsync(IReadOnlyList<IFormFile> files, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken, IStringLocalizer<ReportPages>? text = null)
    {
        var photos = new List<PhotoUpload>();
        var messages = new List<string>();
        foreach (var file in files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            var name = Path.GetFileName(file.FileName);
            name = TextElements.Shorten(name, 60);
            if (file.Length > PhotoRules.MaxBytes)
            {
                var megabytes = PhotoRules.MaxBytes / (1024 * 1024);
                messages.Add(text?[TooLarge, name, megabytes] ?? $"The photo \"{name}\" is larger than {megabytes} MB.");
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
