using FixIt.Application.Common;
using FixIt.Application.Abstractions;
using FluentValidation;

namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>A photo as uploaded: the name is only for messages; the type is read from the bytes.</summary>
public sealed record PhotoUpload(string FileName, byte[] Content);

public static class PhotoRules
{
    public const int MaxCount = 3;

    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Longest side of the published copy; larger photos are scaled down.</summary>
    public const int MaxPixels = 2048;

    /// <summary>
    /// The checks every uploaded photo passes, whatever it comes with (a report, a questionnaire answer): not empty, at
    /// most <see cref="MaxBytes"/>, a JPEG, PNG or WebP that decodes, within the pixel limit.
    /// </summary>
    public static IRuleBuilderOptions<T, PhotoUpload> ValidPhoto<T>(this IRuleBuilderInitialCollection<T, PhotoUpload> rule, IPhotoProcessor photos) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(p => p.Content.Length > 0).WithMessage((_, p) => ValidationText.Get("PhotoEmpty", p.FileName))
            .Must(p => p.Content.Length <= MaxBytes)
            .WithMessage((_, p) => ValidationText.Get("PhotoTooLarge", p.FileName, MaxBytes / (1024 * 1024)))
            .Must(p => photos.Recognise(p.Content) is not null)
            .WithMessage((_, p) => ValidationText.Get("PhotoType", p.FileName))
            .Must(p => photos.ReadSize(p.Content) is { } size && size.Pixels <= photos.MaxPixelCount)
            .WithMessage((_, p) => ValidationText.Get("PhotoPixels", p.FileName, $"{photos.ReadSize(p.Content)}", photos.MaxPixelCount / 1_000_000));
}
