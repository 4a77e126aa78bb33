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

    /// <summary>The shop's core: database, media, domain services. Web concerns are wired by the host.</summary>
    public static IServiceCollection AddMarketplaceDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException("ConnectionStrings:Marketplace is not set. ./run.sh sets it, or see README.md.");
        services.AddDbContext<MarketplaceDb>(o => o.UseNpgsql(ShopConnection.Tuned(connection)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ShopLinks.From(configuration));
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));

        var media = new MediaOptions { Root = configuration["Media:Root"] is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "media") };
        services.AddSingleton(media);
        services.AddMediaStore(configuration); // Media:Store = FileSystem or S3
        services.AddSingleton<PhotoPipeline>();

        var mail = new MailOptions
        {
            SmtpHost = configuration["Smtp:Host"], SmtpPort = configuration.GetValue("Smtp:Port", 25),
            SmtpUser = configuration["Smtp:User"], SmtpPassword = configuration["Smtp:Password"],
            From = configuration["Smtp:From"] is { Length: > 0 } from ? from : new MailOptions().From,
            PickupFolder = configuration["Mail:PickupFolder"] is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "mail"),
        };
        services.AddSingleton(mail);
        services.AddSingleton<IMailTransport>(string.IsNullOrWhiteSpace(mail.SmtpHost) ? new PickupFolderMailTransport(mail) : new SmtpMailTransport(mail));

        services.AddScoped<MailQueue>();
        services.AddScoped<MailJob>();

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
        services.AddBackOfficeDomain();
        services.AddTrustDomain();
        return services;
    }
}
