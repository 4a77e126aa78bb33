using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Moderation;

public static class ModerationServices
{
    /// <summary>Mentors' and officers' decisions on what makers send for publication.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddScoped<ModerationQueue>();
        services.AddScoped<ModerationDesk>();
        return services;
    }
}
