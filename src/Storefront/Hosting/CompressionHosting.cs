using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace PasKreatif.Storefront.Hosting;

/// <summary>Brotli or gzip for text: static CSS, JS and SVG, XML and JSON, and the cached catalogue pages.</summary>
public static class CompressionHosting
{
    public static IServiceCollection AddShopCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // safe: ShopCompressionProvider never compresses a page that may hold a secret
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "text/plain", "image/svg+xml", "application/xml", "text/xml", "application/json", "application/ld+json"];
        });
        // Fastest: compressing each cached page again costs less than a higher level saves on a phone's link.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, ShopCompressionProvider>();
        return services;
    }

    /// <summary>Before static files, so CSS and JS are compressed too.</summary>
    public static WebApplication UseShopCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }
}

/// <summary>
/// Compresses HTML only from output-cached catalogue pages, which carry nothing per visitor: a
/// compressed page holding an antiforgery token next to reflected input would open it to BREACH.
/// </summary>
public sealed class ShopCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        if (!base.ShouldCompressResponse(context)) return false;
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        return !html || (context.User.Identity?.IsAuthenticated != true && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null);
    }
}
