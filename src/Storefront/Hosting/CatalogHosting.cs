using System.Globalization;
using System.Text;
using System.Xml;
using Hangfire;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Observability;
using PasKreatif.Persistence;
using PasKreatif.Storefront.Pages.Shop;

namespace PasKreatif.Storefront.Hosting;

/// <summary>The public catalogue's wiring: output cache and its eviction, the zone choice, sitemap and robots.txt.</summary>
public static class CatalogHosting
{
    public const string ZonePath = "/zona/";

    public const string CachePolicy = "catalog";
    public const string CacheTag = "catalog";

    /// <summary>A product page's own tag, so a stock count that stays above zero evicts that page alone.</summary>
    public static string ListingTag(int listingId) => "listing:" + listingId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every cached page showing a listing's card carries this tag, so a sell-out evicts those pages alone.</summary>
    public static string CardTag(int listingId) => "card:" + listingId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Called by the card partial: the page being cached shows this listing's card.</summary>
    public static void ShowsCard(HttpContext http, int listingId) =>
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CardTag(listingId));

    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b
            .Tag(CacheTag)
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            // The page differs by language and zone only; both come from cookies or the browser.
            .VaryByValue(http => new KeyValuePair<string, string>("lz", CultureInfo.CurrentUICulture.Name + "|" + ZoneChoice.Of(http)))
            .AddPolicy<CacheLookupCounted>()));
        // First visits fill the cache with pages nobody asks for again: its size is the shop's memory budget for pages.
        services.AddSettings<CatalogCacheOptions>(configuration, CatalogCacheOptions.Section);
        services.AddOptions<OutputCacheOptions>().Configure<CatalogCacheOptions>((o, c) => o.SizeLimit = c.PageCacheMegabytes * 1024L * 1024L);
        services.AddSingleton<PageAdmission>();
        services.AddSingleton<CatalogInstance>();
        services.AddSingleton<CatalogEviction>();
        services.AddSingleton<ICatalogChanges>(sp => sp.GetRequiredService<CatalogEviction>());
        services.AddSingleton<CatalogEvictionListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogEvictionListener>()); // scale-out: changes from other instances
        // It waits for each write's commit: saves and transactions of the shop's contexts pass through it.
        services.ConfigureDbContext<MarketplaceDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogEviction>()));
        return services;
    }

    /// <summary>After authentication, so signed-in visitors are never served from or stored in the cache.</summary>
    public static WebApplication UseCatalog(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        OfflineEditReceiptExpiry.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
        SearchChangesPrune.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<WordIndex>().Warm);
        app.MapGet(ZonePath + "{zone}", (string zone, string? kembali, HttpContext http) =>
        {
            ZoneChoice.Remember(http, zone);
            return Results.LocalRedirect(kembali is { Length: > 0 } && kembali.StartsWith('/') && !kembali.StartsWith("//", StringComparison.Ordinal) && !kembali.StartsWith("/\\", StringComparison.Ordinal) ? kembali : "/");
        });
        app.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(CachePolicy);
        app.MapGet("/robots.txt", (ShopLinks links) => Results.Text(Robots(links.BaseUrl), "text/plain", Encoding.UTF8));
        return app;
    }

    static string Robots(string baseUrl) => $"""
        User-agent: *
        Disallow: /admin
        Disallow: /checkout
        Disallow: /pesanan
        Disallow: /masuk
        Disallow: /zona/
        Disallow: /bahasa/

        Sitemap: {baseUrl}/sitemap.xml

        """;

    static async Task<IResult> SitemapAsync(CatalogPages pages, ShopLinks links, CancellationToken ct)
    {
        var baseUrl = links.BaseUrl;
        var entries = await pages.SitemapAsync(ct);
        var output = new StringBuilder();
        await using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = false, Encoding = Encoding.UTF8 }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", baseUrl + entry.Path);
                if (entry.LastModified is { } at) xml.WriteElementString("lastmod", at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }
        return Results.Text(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml", Encoding.UTF8);
    }
}

/// <summary>Counts the catalogue cache's hits and misses in the shop's meter.</summary>
sealed class CacheLookupCounted(PageAdmission admission) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ShopMetrics.OutputCacheLookup(hit: true);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.AllowCacheLookup) return ValueTask.CompletedTask;
        ShopMetrics.OutputCacheLookup(hit: false);
        if (context.AllowCacheStorage && !admission.Admits(context.HttpContext)) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A page is kept in the output cache from its second ask within a while, not its first: most first visits (a new
/// search, a filter combination, a product nobody else opens) are never asked again, and keeping each made the cache
/// churn through its size, the churn becoming free space in the oldest heap generation.
/// </summary>
/// <remarks>A fixed table of 65,536 hashes (256 KB): an ask forgotten by a collision only costs one more render.</remarks>
public sealed class PageAdmission(Microsoft.Extensions.Options.IOptions<CatalogCacheOptions> options)
{
    const int Slots = 1 << 16;
    readonly int[] asked = new int[Slots];

    public bool Admits(HttpContext http)
    {
        if (options.Value.PageCacheOnFirstVisit) return true;
        // What the cache varies by: address, query, language and zone.
        var hash = HashCode.Combine(http.Request.Path.Value, http.Request.QueryString.Value, CultureInfo.CurrentUICulture.Name, ZoneChoice.Of(http)) | 1;
        ref var slot = ref asked[hash & (Slots - 1)];
        if (Volatile.Read(ref slot) == hash) return true;
        Volatile.Write(ref slot, hash);
        return false;
    }
}

/// <summary>
/// <c>Catalog:PageCacheMegabytes</c>: how much memory the cached catalogue pages may take (32 MB, about a thousand pages);
/// <c>Catalog:PageCacheOnFirstVisit</c>: keep a page from its first ask, not its second (see <see cref="PageAdmission"/>).
/// </summary>
public sealed class CatalogCacheOptions : ISettingGroup
{
    public const string Section = "Catalog";

    public int PageCacheMegabytes { get; set; } = 32;

    public bool PageCacheOnFirstVisit { get; set; }

    public IEnumerable<string?> Problems(string section) => [Settings.AtLeast($"{section}:{nameof(PageCacheMegabytes)}", PageCacheMegabytes, 1)];
}
