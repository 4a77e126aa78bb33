using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>The shop's clock in a test: the real time, or a moment the test sets.</summary>
public sealed class ShopClock : TimeProvider
{
    public DateTimeOffset? Fixed { get; set; }

    public override DateTimeOffset GetUtcNow() => Fixed ?? base.GetUtcNow();
}

/// <summary>The shop (with the Stripe fake) on a clock the test moves.</summary>
public class ClockedShopFactory : CheckoutShopFactory
{
    public ShopClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
