using FixIt.Application.Abstractions;
using FixIt.Application.Features.Reports.GetReportPhoto;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Infrastructure.Photos;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FixIt.Web.Features.Reports.GetReportPhoto;

internal static class PhotosEndpoints
{
    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/photos/{key}", Photo).WithName(nameof(Photo)).ExcludeFromDescription();
        app.MapPost("/api/photos/location", PhotoLocation)
            .WithTags("Reports")
            .WithName(nameof(PhotoLocation))
            .WithSummary("The GPS position recorded in a photo, to offer as the report's pin; the photo is not kept")
            .WithMetadata(new RequestSizeLimitAttribute(PhotoRules.MaxBytes + (64 * 1024)))
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.PhotoLocation)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>A published (re-encoded) photo of a report the public may see.</summary>
    public static async Task<IResult> Photo(string key, IMediator mediator, SkiaPhotoProcessor photos, CancellationToken cancellationToken)
    {
        if (!SkiaPhotoProcessor.IsKey(key))
        {
            return TypedResults.NotFound();
        }

        var photo = await mediator.Send(new GetReportPhotoQuery(key), cancellationToken);
        var path = photos.PathOf(photo.StorageKey);
        return File.Exists(path) ? TypedResults.PhysicalFile(path, photo.ContentType, enableRangeProcessing: false) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<PhotoLocation>, NoContent, ValidationProblem>> PhotoLocation(IFormFile photo, IPhotoProcessor photos,
        CancellationToken cancellationToken)
    {
        if (photo.Length is 0 or > PhotoRules.MaxBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = ["Send one photo of at most 5 MB."] });
        }

        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (photos.Recognise(content) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = ["The file is not a JPEG, PNG or WebP image."] });
        }

        if (photos.ReadSize(content) is { } size && size.Pixels > photos.MaxPixelCount)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["photo"] = [$"The photo is {size}; at most {photos.MaxPixelCount / 1_000_000} megapixels are accepted."],
            });
        }

        return photos.ReadLocation(content) is { } location ? TypedResults.Ok(location) : TypedResults.NoContent();
    }
}
