using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>The real web host on a database of its own, copied from the tiny-tier template.</summary>
public class ShopFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string Database { get; protected set; } = "";

    public virtual async Task InitializeAsync() => Database = await TestDatabases.CreateFromTemplateAsync(GetType().Name);

    /// <summary>Where the host's database lives; a factory on a server of its own overrides it.</summary>
    public virtual string ConnectionString => TestDatabases.ConnectionString(Database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marketplace", ConnectionString);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Demo:Tier", "");
        builder.UseSetting("Media:Root", TestDatabases.MediaRoot);
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Path.GetTempPath(), $"pk-mail-{Database}"));
        // Tests sign in and check out far more often than a person; Security/RateLimitTests set real limits.
        builder.UseSetting("RateLimits:AccountPosts", "100000");
        builder.UseSetting("RateLimits:CheckoutPosts", "100000");
    }

    public MarketplaceDb OpenDb() => new(new DbContextOptionsBuilder<MarketplaceDb>().UseNpgsql(ConnectionString).Options);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected virtual Task DropDatabaseAsync() => TestDatabases.DropAsync(Database);
}
