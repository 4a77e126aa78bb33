using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Makers;

public static class MakerServices
{
    /// <summary>The makers' workspace: who is signed in, the day's work, invitations and the phone's offline changes.</summary>
    public static IServiceCollection AddMakersDomain(this IServiceCollection services)
    {
        services.AddScoped<CurrentMaker>();
        services.AddScoped<MakerToday>();
        services.AddScoped<InvitationService>();
        services.AddScoped<OfflineChanges>();
        services.AddScoped<OfflineListings>();
        return services;
    }
}
