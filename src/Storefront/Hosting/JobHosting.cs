using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using PasKreatif.Mail;
using PasKreatif.Observability;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>Background jobs (section "Jobs"): how often the queue is polled, whether this instance runs a worker, retry delays.</summary>
public sealed class JobOptions : ISettingGroup
{
    public const string Section = "Jobs";

    /// <summary>Tests that run the worker poll every second; the shop's default keeps the database quiet.</summary>
    public int PollSeconds { get; set; } = 5;
    /// <summary>Tests switch the worker off and run jobs directly; every instance of the site runs one otherwise.</summary>
    public bool RunServer { get; set; } = true;
    /// <summary>Above 0, every retry waits this long instead of the job's own back-off.</summary>
    public int RetryDelaySeconds { get; set; }

    public IEnumerable<string?> Problems(string section) =>
    [
        Settings.AtLeast($"{section}:{nameof(PollSeconds)}", PollSeconds, 1),
        Settings.AtLeast($"{section}:{nameof(RetryDelaySeconds)}", RetryDelaySeconds, 0),
    ];
}

public static class JobHosting
{
    public static IServiceCollection AddMarketplaceJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<JobOptions>(configuration, JobOptions.Section);
        var connection = ShopConnection.ForJobs(DomainServices.ConnectionString(configuration));
        // Each host owns its storage: Hangfire's global JobStorage.Current would let two hosts in one process
        // (tests, or a second instance in the same process) enqueue into each other's database.
        services.AddSingleton<JobStorage>(s =>
        {
            var storage = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(s.GetRequiredService<JobOptions>().PollSeconds) };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, storage), storage);
        });
        services.AddPerHostJobActivator();
        services.AddHangfire((provider, h) => h
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseDisposalSafeLogging(provider.GetRequiredService<ILoggerFactory>())
            .UseJobTelemetry()
            .UseFixedRetryDelay(provider.GetRequiredService<JobStorage>(), provider.GetRequiredService<JobOptions>().RetryDelaySeconds));
        // Whether a worker runs decides what is registered, so it is read here; the same group is checked at start.
        if (configuration.ReadSettings<JobOptions>(JobOptions.Section).RunServer)
            services.AddHangfireServer((provider, o) => o.SchedulePollingInterval = TimeSpan.FromSeconds(provider.GetRequiredService<JobOptions>().PollSeconds)); // recurring and delayed jobs too
        return services;
    }
}
