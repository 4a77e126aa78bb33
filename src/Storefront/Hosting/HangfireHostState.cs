using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// Hangfire keeps its job activator and log provider in static state, set by whichever host configured
/// it last. With several hosts in one process (the tests) a worker would build jobs from another host's
/// services; so each host registers its own activator, and logging survives a disposed host.
/// </summary>
static class HangfireHostState
{
    public static IServiceCollection AddPerHostJobActivator(this IServiceCollection services) =>
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));

    public static IGlobalConfiguration UseDisposalSafeLogging(this IGlobalConfiguration configuration, ILoggerFactory factory) =>
        configuration.UseLogProvider(new DisposalSafeLogProvider(factory));

    sealed class DisposalSafeLogProvider(ILoggerFactory factory) : ILogProvider
    {
        readonly AspNetCoreLogProvider inner = new(factory);

        public ILog GetLogger(string name)
        {
            try
            {
                return inner.GetLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return Silent.Instance; // the host that configured logging has stopped
            }
        }
    }

    sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
