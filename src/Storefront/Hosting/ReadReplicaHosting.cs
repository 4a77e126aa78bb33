using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// The web side of read replicas: tells <see cref="CatalogueReads"/> the request's facts, and measures the standbys'
/// lag in the background. An anonymous visitor's POST sets a short cookie, so their next pages read the primary too.
/// </summary>
public static class ReadReplicaHosting
{
    public const string RecentWriteCookie = ".PasKreatif.Wrote";

    public static IServiceCollection AddReadReplicas(this IServiceCollection services) =>
        services.AddHostedService<StandbyWatch>();

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
