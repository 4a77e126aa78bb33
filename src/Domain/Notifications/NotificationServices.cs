using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Notifications;

public static class NotificationServices
{
    /// <summary>What a maker is told in the workspace.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<MakerNotices>();
        return services;
    }
}
