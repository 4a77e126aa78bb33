using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Backup;

public static class BackupServices
{
    /// <summary>The nightly database backup.</summary>
    public static IServiceCollection AddBackup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BackupOptions>(configuration, BackupOptions.Section);
        services.AddScoped<DatabaseBackup>();
        return services;
    }
}
