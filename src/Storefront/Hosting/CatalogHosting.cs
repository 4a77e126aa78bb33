using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Observability;
using PasKreatif.Organisation;
using PasKreatif.Persistence;
using PasKreatif.Storefront.Pages.Shop;

namespace PasKreatif.Storefront.Hosting;

/// <summary>The public catalogue's wiring: output cache and its eviction, the zone choice, sitemap and robots.txt.</summary>
public static class CatalogHosting
{
    public const string CachePolicy = "catalog";
    public const string CacheTag = "catalog";

    /// <summary>A product page's own tag, so a stock count that stays above zero evicts that page alone.</summary>
    public static string ListingTag(int listingId) => "listing:" + listingId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every cached page showing a listing's card carries this tag, so a sell-out evicts those pages alone.</summary>
    public static string CardTag(int listingId) => "card:" + listingId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Called by the card partial: the page being cached shows this listing's card.</summary>
    public static void ShowsCard(HttpContext http, int listingId) =>
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CardTag(listingId));

    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b
            .Tag(CacheTag)
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            // The page differs by language and zone only; both come from cookies or the browser.
            .VaryByValue(http => new KeyValuePair<string, string>("lz", CultureInfo.CurrentUICulture.Name + "|" + ZoneChoice.Of(http)))
            .AddPolicy<CacheLookupCounted>()));
        services.AddSingleton<CatalogInstance>();
        services.AddSingleton<CatalogWriterEviction>();
        services.AddSingleton<CatalogCacheEviction>();
        services.AddSingleton<CatalogBulkUpdateEviction>();
        services.AddSingleton<CatalogEvictionListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogEvictionListener>()); // scale-out: evictions from other instances
        services.ConfigureDbContext<MarketplaceDb>((sp, o) => o.AddInterceptors(
            sp.GetRequiredService<CatalogCacheEviction>(), sp.GetRequiredService<CatalogBulkUpdateEviction>(),
            sp.GetRequiredService<CatalogWriterEviction>()));
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
        app.MapGet("/zona/{zone}", (string zone, string? kembali, HttpContext http) =>
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

/// <summary>
/// Evicts the cached catalogue pages when a saved change touches what they show, so no feature
/// has to remember to call the cache; the notice carries the eviction to the other instances.
/// </summary>
public sealed class CatalogCacheEviction(CatalogWriterEviction writer) : SaveChangesInterceptor
{
    static readonly HashSet<Type> Shown =
    [
        typeof(Listing), typeof(ListingPhoto), typeof(ListingRevision), typeof(Maker), typeof(MakerStory),
        typeof(MakerProgramme), typeof(Programme), typeof(Group), typeof(Regency), typeof(Category),
        typeof(Reviews.Review), typeof(Questions.Question), // replies and public answers show on product pages
    ];

    readonly ConditionalWeakTable<DbContext, object> touched = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Taken(eventData.Context))
            writer.Wrote(eventData.Context!.Database.GetDbConnection(), eventData.Context.Database.CurrentTransaction?.GetDbTransaction(), CatalogEvictionScope.Everything);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Taken(eventData.Context))
            await writer.WroteAsync(eventData.Context!.Database.GetDbConnection(), eventData.Context.Database.CurrentTransaction?.GetDbTransaction(), CatalogEvictionScope.Everything);
        return result;
    }

    /// <summary>The one eviction, called by the writer after its commit and by every listener on a notice.</summary>
    public static async ValueTask Evict(IOutputCacheStore store, CatalogMemory memory, CatalogEvictionScope scope)
    {
        if (scope.IsEverything)
        {
            memory.Clear();
            await store.EvictByTagAsync(CatalogHosting.CacheTag, CancellationToken.None);
            return;
        }
        // A stock count alone shows on its product page only; a card's label shows in the remembered strips too.
        memory.Forget(scope.Cards);
        foreach (var id in scope.Listings!) await store.EvictByTagAsync(CatalogHosting.ListingTag(id), CancellationToken.None);
        foreach (var id in scope.Cards) await store.EvictByTagAsync(CatalogHosting.CardTag(id), CancellationToken.None);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Taken(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Taken(eventData.Context);
        return Task.CompletedTask;
    }

    void Note(DbContext? context)
    {
        if (context is null) return;
        var changed = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shown.Contains(e.Metadata.ClrType));
        if (changed) touched.AddOrUpdate(context, this);
    }

    bool Taken(DbContext? context) => context is not null && touched.Remove(context);
}

/// <summary>
/// Bulk statements (ExecuteUpdate/ExecuteDelete, e.g. a stock reservation by conditional update)
/// bypass SaveChanges; they evict the catalogue too when they write to the listings table. A statement
/// run inside <see cref="ListingOnlyWrite.RunAsync"/> evicts only its listing's pages; any other evicts everything.
/// </summary>
public sealed class CatalogBulkUpdateEviction(CatalogWriterEviction writer) : DbCommandInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Scope(command, eventData, result) is { } scope) writer.Wrote(command.Connection!, command.Transaction, scope);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Scope(command, eventData, result) is { } scope) await writer.WroteAsync(command.Connection!, command.Transaction, scope);
        return result;
    }

    /// <summary>SaveChanges' own statements are left to <see cref="CatalogCacheEviction"/>, which sees every shown entity.</summary>
    static CatalogEvictionScope? Scope(DbCommand command, CommandExecutedEventData eventData, int result) =>
        result > 0 && eventData.CommandSource != CommandSource.SaveChanges && WritesListings(command.CommandText)
            ? ListingOnlyWrite.Current is { } listing
                ? ListingOnlyWrite.CardChanges ? CatalogEvictionScope.OfCards([listing]) : CatalogEvictionScope.Of([listing])
                : CatalogEvictionScope.Everything
            : null;

    internal static bool WritesListings(string sql) =>
        sql.Contains("UPDATE \"Listings\"", StringComparison.Ordinal) || sql.Contains("DELETE FROM \"Listings\"", StringComparison.Ordinal);
}

/// <summary>Counts the catalogue cache's hits and misses in the shop's meter.</summary>
sealed class CacheLookupCounted : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ShopMetrics.OutputCacheLookup(hit: true);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup) ShopMetrics.OutputCacheLookup(hit: false);
        return ValueTask.CompletedTask;
    }
}
