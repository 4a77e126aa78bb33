using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// The web side of read replicas: tells <see cref="CatalogueReads"/> the request's facts, and measures the standbys'
/// lag in the background. An anonymous visitor's POST sets a short cookie, so their next pages read the primary too.
/// </summary>
public static class ReadReplicaHosting
{
    public const string RecentWriteCookie = ".PasKreatif.Wrote";

    public static IServiceCollection AddReadReplicas(this IServiceCollection services)
    {
        services.AddHostedService<StandbyWatch>();
        // Registers the output cache's store if nobody did yet (TryAdd), so it can be wrapped whatever the order.
        services.AddOutputCache();
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new EvictionReadsPrimary(
            (IOutputCacheStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetService<ReadReplicas>()));
        return services;
    }

    /// <summary>After authentication, so a signed-in maker or staff member is known and reads the primary.</summary>
    public static WebApplication UseReadReplicas(this WebApplication app)
    {
        if (app.Services.GetService<ReadReplicas>() is not { } replicas) return app;
        var remember = TimeSpan.FromSeconds(Math.Max(replicas.Options.MaxStandbyLagSeconds * 2, 10));
        app.Use((http, next) =>
        {
            var request = http.Request;
            var signedIn = http.User.Identity?.IsAuthenticated == true;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
                http.Response.Cookies.Append(RecentWriteCookie, "1", new CookieOptions { MaxAge = remember, HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax });
            if (CatalogueReads.FromStandby(request.Method, request.Path.Value ?? "", signedIn, request.Cookies.ContainsKey(RecentWriteCookie)))
                http.RequestServices.GetRequiredService<ReadRoute>().UseStandby();
            return next(http);
        });
        return app;
    }

    /// <summary>The output cache's store, telling <see cref="ReadReplicas"/> of each eviction (local or from another instance).</summary>
    sealed class EvictionReadsPrimary(IOutputCacheStore inner, ReadReplicas? replicas) : IOutputCacheBufferStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            replicas?.PrimaryAfterEviction();
            return inner.EvictByTagAsync(tag, cancellationToken);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner.SetAsync(key, value, tags, validFor, cancellationToken);

        public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
        {
            if (inner is IOutputCacheBufferStore buffers) return await buffers.TryGetAsync(key, destination, cancellationToken);
            if (await inner.GetAsync(key, cancellationToken) is not { } bytes) return false;
            await destination.WriteAsync(bytes, cancellationToken);
            return true;
        }

        public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner is IOutputCacheBufferStore buffers
                ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
                : inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
    }

    /// <summary>Measures the standby set every few seconds; nothing to do without a read-only connection.</summary>
    sealed class StandbyWatch(IServiceProvider services) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (services.GetService<ReadReplicas>() is not { } replicas) return;
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(replicas.Options.StandbyCheckSeconds));
            do await replicas.CheckAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }
}
