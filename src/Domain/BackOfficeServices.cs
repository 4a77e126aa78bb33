using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif;

/// <summary>The back office's domain services: moderation, makers, ledger read side, independence.</summary>
public static class BackOfficeServices
{
    public static IServiceCollection AddBackOfficeDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Moderation.ModerationQueue>();
        services.AddScoped<Moderation.ModerationDesk>();
        services.AddScoped<Makers.MakerDirectory>();
        services.AddScoped<Ledger.LedgerQueries>();
        services.AddScoped<Ledger.PayoutDesk>();
        services.AddScoped<Independence.IndependenceReport>();
        services.AddScoped<Independence.MentorMonthlySummary>();
        services.AddScoped<Organisation.TargetSettings>();
        services.AddScoped<Organisation.OrganisationDesk>();
        services.AddScoped<Organisation.OrganisationEdits>();
        services.AddScoped<People.PeopleDesk>();
        services.AddSettings<Backup.BackupOptions>(configuration, Backup.BackupOptions.Section);
        services.AddScoped<Backup.DatabaseBackup>();
        return services;
    }
}
