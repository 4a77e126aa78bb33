using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Workspace;

public static class WorkspaceServices
{
    /// <summary>The maker's day: the start page that gathers orders, questions, listings sent back and earnings, and the phone's offline changes.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddScoped<MakerToday>();
        services.AddScoped<OfflineChanges>();
        services.AddScoped<OfflineListings>();
        return services;
    }
}
