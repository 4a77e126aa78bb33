using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Sharing;

public static class SharingServices
{
    /// <summary>Messages mentors share with their makers.</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddScoped<MentorMessages>();
        return services;
    }
}
