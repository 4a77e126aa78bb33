using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PasKreatif.Demo;

public static class DemoStartup
{
    /// <summary>The generator and its settings (section <c>Demo</c>); loading happens only when <c>Demo:Tier</c> is set.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DemoOptions>(configuration, DemoOptions.Section);
        services.AddScoped<DemoDataLoader>();
        return services;
    }

    /// <summary>Loads the tier named by <c>Demo:Tier</c> once; nothing when it is empty.</summary>
    public static async Task LoadConfiguredTierAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var tierName = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Tier;
        if (string.IsNullOrWhiteSpace(tierName)) return;
        var tier = DemoTier.Parse(tierName) ?? throw new InvalidOperationException($"Unknown demo tier '{tierName}': use tiny, demo, bench or million.");
        await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync(tier, ct);
    }
}
