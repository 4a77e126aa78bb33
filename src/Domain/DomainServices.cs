using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.Persistence;

namespace PasKreatif;

public static class DomainServices
{
    public const string ConnectionName = "Marketplace";

    /// <summary>The one reader of <c>ConnectionStrings:Marketplace</c>; the shop cannot start without it.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("ConnectionStrings:Marketplace is not set. ./run.sh sets it, or see README.md.");

    /// <summary>The shop's core: database, media, domain services. Web concerns are wired by the host.</summary>
    public static IServiceCollection AddMarketplaceDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = ShopConnection.Tuned(ConnectionString(configuration));
        services.AddDbContext<MarketplaceDb>(o => o.UseNpgsql(connection));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ShopLinks.From(configuration));
        services.AddSettings<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddMedia(configuration);
        services.AddMail(configuration);

        services.AddScoped<ShopQueries>();
        services.AddScoped<ShopDirectory>();
        services.AddScoped<UnavailableListings>();
        services.AddSingleton<CatalogFacetCache>(); // filter choices kept until the catalogue changes
        services.AddScoped<CatalogQueries>();
        services.AddScoped<CatalogPages>();
        services.AddScoped<CatalogSearch>();
        services.AddScoped<MakerWorkspaceQueries>();
        services.AddScoped<MakerToday>();
        services.AddScoped<InvitationService>();
        services.AddScoped<Ledger.RevenueLedger>();
        services.AddScoped<Organisation.ScopeOverview>();
        // Makers' workspace
        services.AddScoped<CurrentMaker>();
        services.AddScoped<ListingEditor>();
        services.AddScoped<OfflineChanges>();
        services.AddScoped<OfflineListings>();
        services.AddScoped<ListingGallery>();
        services.AddScoped<PhotoUploads>();
        services.AddScoped<PhotoUploadJob>();
        services.AddScoped<Orders.MakerOrders>();
        services.AddScoped<Ledger.MakerEarnings>();
        services.AddOrders(configuration);
        services.AddBackOfficeDomain(configuration);
        services.AddTrustDomain();
        return services;
    }
}
