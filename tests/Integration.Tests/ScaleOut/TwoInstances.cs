using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>Two instances of the shop on one database, each with its own Hangfire worker polling every second.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public string Database { get; private set; } = "";
    public ShopInstance A { get; private set; } = null!;
    public ShopInstance B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateFromTemplateAsync(nameof(TwoInstances));
        var settings = new Dictionary<string, string> { ["Jobs:RunServer"] = "true", ["Jobs:PollSeconds"] = "1" };
        A = new ShopInstance(Database, settings);
        B = new ShopInstance(Database, settings);
        _ = A.Server;
        _ = B.Server;
        // Both listeners must be up before a test relies on their notices.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Listener(A).Connections == 0 || Listener(B).Connections == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The catalogue eviction listeners did not connect within 30 s.");
            await Task.Delay(50);
        }
    }

    public static CatalogEvictionListener Listener(ShopInstance instance) =>
        instance.Services.GetServices<IHostedService>().OfType<CatalogEvictionListener>().Single();

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestDatabases.DropAsync(Database);
    }
}
