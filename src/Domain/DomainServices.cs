using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.BackOffice;
using PasKreatif.Backup;
using PasKreatif.Catalog;
using PasKreatif.Independence;
using PasKreatif.Ledger;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Moderation;
using PasKreatif.Notifications;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Persistence;
using PasKreatif.Questions;
using PasKreatif.Reviews;
using PasKreatif.Sharing;
using PasKreatif.Shopfront;
using PasKreatif.Workspace;

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
        services.AddMarketplaceDb(configuration, connection); // primary, or standbys for anonymous catalogue reads
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ShopLinks.From(configuration));
        services.AddSettings<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddMedia(configuration);
        services.AddMail(configuration);

        // Each feature registers its own services, lowest folder first.
        services.AddNotifications();
        services.AddMakers();
        services.AddCatalogDomain();
        services.AddOrders(configuration);
        services.AddPayments(configuration);
        services.AddLedger();
        services.AddSharing();
        services.AddModeration();
        services.AddIndependence();
        services.AddReviews();
        services.AddQuestions();
        services.AddShopfront();
        services.AddBackOffice();
        services.AddWorkspace();
        services.AddBackup(configuration);
        return services;
    }
}
