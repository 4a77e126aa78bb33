using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Catalog;

public static class CatalogServices
{
    /// <summary>The catalogue as buyers browse and search it, and the listings makers edit (with their photo uploads).</summary>
    public static IServiceCollection AddCatalogDomain(this IServiceCollection services)
    {
        services.AddScoped<ShopQueries>();
        services.AddScoped<ShopDirectory>();
        services.AddScoped<UnavailableListings>();
        services.AddSingleton<CatalogFacetCache>(); // filter choices kept until the catalogue changes
        services.AddSingleton<CatalogMemory>(); // shared parts of first-visit pages, kept until the catalogue changes
        services.AddScoped<CatalogQueries>();
        services.AddScoped<CatalogPages>();
        services.AddSingleton<PopularityTiers>(); // bounds of the popular tiers, read once a minute
        services.AddSingleton<WordIndex>(); // which goods hold which words, kept current from the database's change notes
        services.AddScoped<CatalogSearch>();
        services.AddScoped<SearchChangesPrune>();
        services.AddScoped<MakerWorkspaceQueries>();
        services.AddScoped<ListingEditor>();
        services.AddScoped<ListingGallery>();
        services.AddScoped<PhotoUploads>();
        services.AddScoped<PhotoUploadJob>();
        services.AddScoped<OfflineEditReceiptExpiry>();
        return services;
    }
}
