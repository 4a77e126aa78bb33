using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Reviews;

public static class ReviewServices
{
    /// <summary>Buyers' reviews of what they bought, and makers' replies.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ReviewQueries>();
        return services;
    }
}
