using FixIt.Application.Features.Reports.GetUpdatePhoto;
using FixIt.Infrastructure.Mail.Inbound;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Reports.GetUpdatePhoto;

/// <summary>Photos that came with an update (an operator's emailed reply), at /reports/{id}/photos/{photoId}.</summary>
internal static class UpdatePhotosEndpoints
{
    public static IEndpointRouteBuilder MapUpdatePhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{id:int}/photos/{photoId:long}", UpdatePhoto)
            .WithName(nameof(UpdatePhoto))
            .WithSummary("A photo that came with an update of a public report.")
            .WithTags("Reports")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>An unknown photo, or one of a report or update the public may not see, is a 404 problem.</summary>
    public static async Task<Results<PhysicalFileHttpResult, NotFound>> UpdatePhoto(int id, long photoId, IMediator mediator,
        UpdatePhotoStore store, HttpContext context, CancellationToken cancellationToken)
    {
        var photo = await mediator.Send(new GetUpdatePhotoQuery(id, photoId), cancellationToken);
        var path = store.PathOf(photo.StoredName);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        // The type was read from the bytes when stored; browsers must not second-guess it.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.PhysicalFile(path, photo.ContentType);
    }
}
