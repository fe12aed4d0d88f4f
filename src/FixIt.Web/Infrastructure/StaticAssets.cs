using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.ResponseCompression;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// Fingerprinted URLs for FixIt's own scripts and styles and the npm libraries in wwwroot/lib: the path with
/// <c>?v=</c> and the start of the file's SHA-256, so a changed file has a new URL and every URL can be cached for a year.
/// </summary>
internal sealed class StaticAssetUrls(IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<(string Path, DateTimeOffset Modified), string> _urls = new();

    /// <summary>The fingerprinted URL of a file under wwwroot ("/css/site.css"); the path unchanged when there is no such file.</summary>
    public string Url(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return path;
        }

        // Keyed by the modification time too, so a file edited while the app runs (development) gets a new URL.
        return _urls.GetOrAdd((path, file.LastModified), key =>
        {
            using var stream = File.OpenRead(file.PhysicalPath);
            return $"{key.Path}?v={Convert.ToHexStringLower(SHA256.HashData(stream))[..16]}";
        });
    }
}

/// <summary>
/// How static files are served: compressed (Brotli, else gzip) and, at fingerprinted URLs, cached for a year. The public
/// map data the pages fetch (<see cref="PublicDataPaths"/>) is compressed too.
/// </summary>
internal static class StaticAssets
{
    private static readonly string[] StaticFolders = ["/css", "/js", "/lib"];

    /// <summary>
    /// GET paths whose answers are public data only — no form token, session value or link secret, and nothing
    /// personal — so compressing them cannot leak a secret by its compressed length (BREACH). The map's reports
    /// (up to 1,000 features, ~45 KiB), nearby reports and place suggestions; an operator's areas are matched by suffix.
    /// </summary>
    private static readonly string[] PublicDataPaths = ["/api/reports", "/api/reports/nearby", "/api/places"];

    public static IServiceCollection AddFixItStaticAssets(this IServiceCollection services)
    {
        services.AddSingleton<StaticAssetUrls>();
        services.AddResponseCompression(o =>
        {
            // Only files from wwwroot and public map data pass through it (UseFixItStaticFiles); pages carry form tokens
            // and stay uncompressed (BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json", "application/geo+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UseFixItStaticFiles(this IApplicationBuilder app)
    {
        app.UseWhen(context => IsStaticPath(context.Request.Path) || IsPublicData(context.Request), branch => branch.UseResponseCompression());
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
    }

    private static bool IsStaticPath(PathString path) =>
        StaticFolders.Any(folder => path.StartsWithSegments(folder, StringComparison.Ordinal));

    private static bool IsPublicData(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Path.Value is not { } path)
        {
            return false;
        }

        var trimmed = path.TrimEnd('/');
        return PublicDataPaths.Contains(trimmed, StringComparer.Ordinal)
            || (trimmed.StartsWith("/operators/", StringComparison.Ordinal) && trimmed.EndsWith("/areas.geojson", StringComparison.Ordinal)
                && trimmed.Count(c => c == '/') == 3);
    }
}
