using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Makers;

public static class MakerServices
{
    /// <summary>The makers: who is signed in, and the invitations that make new ones.</summary>
    public static IServiceCollection AddMakers(this IServiceCollection services)
    {
        services.AddScoped<CurrentMaker>();
        services.AddScoped<InvitationService>();
        return services;
    }
}
