using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Makers;

public static class MakerServices
{
    /// <summary>The makers' workspace: who is signed in, the day's work, invitations, the directory staff see and the phone's offline changes.</summary>
    public static IServiceCollection AddMakers(this IServiceCollection services)
    {
        services.AddScoped<CurrentMaker>();
        services.AddScoped<MakerToday>();
        services.AddScoped<InvitationService>();
        services.AddScoped<MakerDirectory>();
        services.AddScoped<OfflineChanges>();
        services.AddScoped<OfflineListings>();
        return services;
    }
}
