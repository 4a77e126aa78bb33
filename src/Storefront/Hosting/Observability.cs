using System.Diagnostics;
using System.Net;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PasKreatif.Media;
using PasKreatif.Observability;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// What operators watch: OpenTelemetry traces and metrics (ASP.NET Core, outgoing HTTP, Npgsql, Hangfire jobs,
/// the shop's own meter), by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set and at /metrics for Prometheus from
/// <c>Metrics:AllowedNetworks</c>; JSON log lines with trace ids outside Development; /health/live and /health/ready.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";
    const string Ready = "ready";
    /// <summary>Label sets kept per metric; beyond it OpenTelemetry counts in one overflow set, so nothing is lost.</summary>
    const int MetricLabelSets = 500;

    public static WebApplicationBuilder AddShopObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true; // the TraceId and SpanId scope of every line
                o.UseUtcTimestamp = true;
                // Quoted separators: a bare ':' is the culture's, and Indonesian requests would write "16.08.32".
                o.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";
            });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "pas-kreatif"))
            .WithTracing(t => t
                .AddSource(ShopMetrics.Jobs.Name, "Npgsql")
                .AddProcessor(new UnparentedSqlDropped())
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath) && !http.Request.Path.StartsWithSegments("/health");
                    // Paths carry order tokens and slugs: spans keep the route template instead.
                    o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        if (activity.GetTagItem("http.route") is string route) activity.SetTag("url.path", route);
                    };
                })
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(ShopMetrics.Name, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Each stream reserves its points up front: 2,000 by default, 10 MB over the shop's 72 streams for a few dozen label sets.
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricLabelSets })
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();

        builder.Services.AddSettings<MetricsOptions>(configuration, MetricsOptions.Section).Configure(o => o.AllowedNetworks = configuration.ReadList($"{MetricsOptions.Section}:{nameof(MetricsOptions.AllowedNetworks)}"));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReady>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<JobStorageReady>("jobs", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<MediaStoreReady>("media", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>Early in the pipeline: a scrape is answered before sessions, pages or the outage page; from elsewhere /metrics is a 404.</summary>
    public static WebApplication UseShopMetricsEndpoint(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<MetricsOptions>().Networks();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == MetricsPath && http.Connection.RemoteIpAddress is { } address
            && allowed.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)));
        return app;
    }

    public static WebApplication MapShopHealth(this WebApplication app)
    {
        var get = new HttpMethodMetadata(["GET"]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).WithMetadata(get);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).WithMetadata(get);
        return app;
    }

    static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), detail = e.Value.Description }),
        });
    }

    /// <summary>Npgsql spans without a parent are Hangfire's queue polling and the eviction listener: noise, not recorded.</summary>
    sealed class UnparentedSqlDropped : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data)
        {
            if (data.Source.Name == "Npgsql" && data.Parent is null && data.ParentSpanId == default)
                data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    sealed class DatabaseReady(MarketplaceDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var state = await DatabaseHealth.CheckAsync(db, ct);
            if (!state.Reachable) return HealthCheckResult.Unhealthy("unreachable");
            return state.PendingMigrations == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{state.PendingMigrations} pending migrations");
        }
    }

    sealed class JobStorageReady(JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                storage.GetMonitoringApi().GetStatistics();
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(e.GetType().Name));
            }
        }
    }

    sealed class MediaStoreReady(IMediaStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await store.ExistsAsync("p/.ready", ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(e.GetType().Name);
            }
        }
    }
}

/// <summary><c>Metrics:AllowedNetworks</c>: networks (CIDR) that may scrape /metrics, an array or one comma-separated value; loopback by default.</summary>
public sealed class MetricsOptions : ISettingGroup
{
    public const string Section = "Metrics";

    public List<string> AllowedNetworks { get; set; } = [];

    public List<IPNetwork> Networks() => (AllowedNetworks.Count == 0 ? ["127.0.0.0/8", "::1/128"] : AllowedNetworks).Select(IPNetwork.Parse).ToList();

    public IEnumerable<string?> Problems(string section) => Settings.Networks($"{section}:{nameof(AllowedNetworks)}", AllowedNetworks);
}
