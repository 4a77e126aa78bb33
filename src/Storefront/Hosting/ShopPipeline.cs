using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using PasKreatif.Media;
using PasKreatif.Persistence;
using PasKreatif.Storefront.Pages.Cart;
using PasKreatif.Storefront.Pages.Checkout;
using PasKreatif.Storefront.Pages.Seller.Offline;

namespace PasKreatif.Storefront.Hosting;

public static class ShopPipeline
{
    public static WebApplication UseMarketplace(this WebApplication app)
    {
        app.UseScaleOut(); // the client's address and scheme from the load balancer
        app.UseCookiePolicy(); // every cookie Secure on HTTPS
        app.UseShopMetricsEndpoint(); // Prometheus, from the configured networks only
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/galat");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestRefusals(); // NUL characters, bodies over the limit: explained by the status pages
        app.UseShopCompression(); // before static files, so CSS and JS are compressed
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath),
            OnPrepareResponse = ctx =>
            {
                // Versioned URLs (asp-append-version) may be kept for a year; others revalidate daily.
                var versioned = ctx.Context.Request.Query.ContainsKey("v");
                ctx.Context.Response.Headers[HeaderNames.CacheControl] = versioned ? "public, max-age=31536000, immutable" : "public, max-age=86400";
            },
        });
        app.UseRequestLocalization();
        app.UseDatabaseOutagePage(); // 503 with Retry-After while PostgreSQL is unreachable
        app.UseRouting();
        app.UsePageMethods(); // TRACE and other methods no page has: 405
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseReadReplicas(); // anonymous catalogue reads from the standbys, when configured
        app.UseWorkspaceOffline(); // workspace responses name whose they are, for the phone's cache
        app.UseRateLimiter(); // after the status pages, so a 429 is explained in the visitor's language
        app.UseCatalog();
        return app;
    }

    public static WebApplication MapShop(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapCatalog();
        app.MapGet("/health", async (MarketplaceDb db, CancellationToken ct) =>
        {
            var state = await DatabaseHealth.CheckAsync(db, ct);
            if (!state.Reachable) DatabaseOutage.Seen();
            var healthy = state.Reachable && state.PendingMigrations == 0;
            var body = new { status = healthy ? "healthy" : "unhealthy", database = state };
            return healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapShopHealth(); // /health/live, /health/ready
        app.MapGet("/media/{**key}", ServeMediaAsync);
        // The framework's floor on this machine: bench/run.sh compares every page's throughput with it.
        app.MapGet("/ping", () => Results.Text("pong"));
        app.MapCheckout();
        app.MapQuickAdd();
        app.MapWorkspaceOffline(); // the workspace's manifest and service worker
        return app;
    }

    /// <summary>Public photo sizes only; originals are never served. Names are content hashes, so cache forever.</summary>
    static async Task<IResult> ServeMediaAsync(string key, IMediaStore store, HttpContext http, CancellationToken ct)
    {
        var contentType = Path.GetExtension(key) switch { ".webp" => "image/webp", ".jpg" => "image/jpeg", _ => null };
        if (contentType is null || !key.StartsWith("p/", StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal))
            return Results.NotFound();
        var stream = await store.OpenReadAsync(key, ct);
        if (stream is null) return Results.NotFound();
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.Stream(stream, contentType);
    }
}
