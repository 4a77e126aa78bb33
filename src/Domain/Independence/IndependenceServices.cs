using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Independence;

public static class IndependenceServices
{
    /// <summary>Who is becoming economically independent, month by month.</summary>
    public static IServiceCollection AddIndependence(this IServiceCollection services)
    {
        services.AddScoped<IndependenceReport>();
        services.AddScoped<MentorMonthlySummary>();
        return services;
    }
}
