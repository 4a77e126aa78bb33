using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// One instance of the shop on a database it does not own, so several instances can share one
/// database as they would behind a load balancer. Settings as <see cref="ShopFactory"/>, plus extras.
/// </summary>
public sealed class ShopInstance(string database, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marketplace", TestDatabases.ConnectionString(database));
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Demo:Tier", "");
        builder.UseSetting("Media:Root", TestDatabases.MediaRoot);
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Path.GetTempPath(), $"pk-mail-{database}"));
        builder.UseSetting("Catalog:PageCacheOnFirstVisit", "true"); // the scale-out tests see what each instance caches after one visit
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A client of this instance sharing its cookies with clients of other instances, like one browser behind a balancer.</summary>
    public ShopClient ClientWith(CookieContainer cookies) => new(CreateDefaultClient(new CookieContainerHandler(cookies)));

    public ShopClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
