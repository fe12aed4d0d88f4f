using FixIt.Application.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace FixIt.Web.Infrastructure;

/// <summary>The OpenAPI document names Site:PublicBaseUrl as its one server, never the Host header of whoever asked.</summary>
internal sealed class PublicServerTransformer(IOptions<SiteOptions> site) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = site.Value.PublicBaseUrl.TrimEnd('/') }];
        return Task.CompletedTask;
    }
}
