using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// What lets several instances of the shop run behind one load balancer on one database: shared
/// data-protection keys and the client's address and scheme as the proxy saw them.
/// </summary>
public static class ScaleOutHosting
{
    /// <summary>Fixed, so every instance (and every release) reads the others' cookies and tokens.</summary>
    public const string ApplicationName = "PasKreatif";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<MarketplaceDb>();
        // The keys sit in the shop's own database, beside all they protect, by design: its "no XML encryptor,
        // key stored unencrypted" warning at each new key says nothing to act on. Errors still show.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        services.AddSettings<ProxyOptions>(configuration, ProxyOptions.Section).Configure(o => o.ReadLists(configuration));
        services.AddOptions<ForwardedHeadersOptions>().Configure<ProxyOptions>(ConfigureProxies);
        return services;
    }

    /// <summary>First in the pipeline, so links, redirects and rate limits see the client, not the proxy.</summary>
    public static WebApplication UseScaleOut(this WebApplication app)
    {
        EnsureDataProtectionKey(app);
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// Loads (or makes) the key ring at start, not at the first request: an instance started after the
    /// first one then finds its key instead of racing it to write a second one.
    /// </summary>
    static void EnsureDataProtectionKey(WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("PasKreatif.Startup").Protect([0]);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or System.Security.Cryptography.CryptographicException)
        {
            // The database may be down at start; the key ring is then read at the first request instead.
            app.Logger.KeyRingNotLoaded(e);
        }
    }

    /// <summary>Only proxies named in <c>Proxy:KnownProxies</c> / <c>Proxy:KnownNetworks</c> are believed; none by default.</summary>
    internal static void ConfigureProxies(ForwardedHeadersOptions options, ProxyOptions proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // ASP.NET believes loopback by default: any local process could then pose as any client and slip past the limits.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in proxies.KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(address));
        foreach (var network in proxies.KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        // Empty lists would mean "believe everyone" to the middleware: with no proxy named, no header is believed.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0) options.ForwardedHeaders = ForwardedHeaders.None;
    }
}

/// <summary>The load balancers whose forwarded headers are believed (section "Proxy"), each an array or one comma-separated value.</summary>
public sealed class ProxyOptions : ISettingGroup
{
    public const string Section = "Proxy";

    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Both forms of each list; the binder alone reads only the array form.</summary>
    public ProxyOptions ReadLists(IConfiguration configuration)
    {
        KnownProxies = configuration.ReadList($"{Section}:{nameof(KnownProxies)}");
        KnownNetworks = configuration.ReadList($"{Section}:{nameof(KnownNetworks)}");
        return this;
    }

    public IEnumerable<string?> Problems(string section) =>
        Settings.Networks($"{section}:{nameof(KnownProxies)}", KnownProxies, addresses: true)
            .Concat(Settings.Networks($"{section}:{nameof(KnownNetworks)}", KnownNetworks));
}
