using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PasKreatif.Persistence;

/// <summary>How far the standbys may fall behind, and how often that is checked (section <c>Database</c>).</summary>
public sealed class ReadReplicaOptions : ISettingGroup
{
    public const string Section = "Database";

    /// <summary>A standby set further behind than this is skipped: catalogue reads go to the primary.</summary>
    public double MaxStandbyLagSeconds { get; init; } = 5;

    /// <summary>How often the standby set's lag is measured.</summary>
    public double StandbyCheckSeconds { get; init; } = 2;

    public IEnumerable<string?> Problems(string section) =>
    [
        Settings.AtLeast($"{section}:MaxStandbyLagSeconds", MaxStandbyLagSeconds, 0),
        Settings.AtLeast($"{section}:StandbyCheckSeconds", StandbyCheckSeconds, 0.1),
    ];
}

/// <summary>
/// The one home of "which server answers this request". Anonymous GETs of the public catalogue and search may
/// be answered by a standby (they tolerate a few seconds of lag); everything else — signed-in makers and staff
/// (read-your-writes), any POST, cart, checkout, orders, back office, background jobs — reads the primary.
/// </summary>
public static class CatalogueReads
{
    /// <summary>The public catalogue's pages: home, categories, product, search, programmes, makers, sitemap.</summary>
    static readonly string[] Prefixes = ["/kategori", "/produk/", "/cari", "/program", "/pembuat/", "/sitemap.xml"];

    /// <summary>True when the request may read from a standby; <paramref name="wroteRecently"/> is an anonymous visitor's own recent POST.</summary>
    public static bool FromStandby(string method, string path, bool signedIn, bool wroteRecently)
    {
        if (signedIn || wroteRecently) return false;
        if (!HttpMethodIsRead(method)) return false;
        if (path is "/" or "") return true;
        // A product's question form belongs to a visitor about to write; it reads the primary.
        if (path.EndsWith("/tanya", StringComparison.OrdinalIgnoreCase)) return false;
        return Prefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    static bool HttpMethodIsRead(string method) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
}

/// <summary>This request's choice, set once by the host before any page or service opens the database.</summary>
public sealed class ReadRoute
{
    public bool Standby { get; private set; }

    public void UseStandby() => Standby = true;
}

/// <summary>
/// The read-only connection (<c>ConnectionStrings:MarketplaceReadOnly</c>: one or more standbys, Npgsql multi-host)
/// and whether the standby set is fit to answer: reachable and within <see cref="ReadReplicaOptions.MaxStandbyLagSeconds"/>.
/// Sessions on it are read-only (<c>default_transaction_read_only</c>) and <see cref="ReadOnlyGuard"/> refuses SaveChanges.
/// </summary>
public sealed class ReadReplicas(string primary, string readOnly, ReadReplicaOptions options, ILogger<ReadReplicas> log)
{
    public const string ConnectionName = "MarketplaceReadOnly";

    /// <summary>Names the standby sessions in pg_stat_activity, so an operator (and a test) sees who reads there.</summary>
    public const string ApplicationName = "pk-catalogue-reads";

    /// <summary>Lag of a standby that has replayed all it received is 0, however long the primary has been idle.</summary>
    const string LagQuery = """
        SELECT CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1e9) END::float8
        """;

    public string Primary { get; } = primary;
    public string ReadOnly { get; } = ReadOnlyConnection(readOnly);
    public ReadReplicaOptions Options { get; } = options;

    // Its own pool and name, so the check neither takes a reader's connection nor hides what readers ran.
    readonly string watch = new NpgsqlConnectionStringBuilder(ReadOnlyConnection(readOnly)) { ApplicationName = "pk-standby-watch", Pooling = false }.ToString();

    volatile bool usable;

    /// <summary>Until the first check succeeds, reads go to the primary.</summary>
    public bool Usable => usable;

    /// <summary>The last measured lag in seconds (null: unreachable).</summary>
    public double? LastLagSeconds { get; private set; }

    long primaryUntil; // Environment.TickCount64

    public string ConnectionFor(ReadRoute? route) =>
        route is { Standby: true } && usable && Environment.TickCount64 >= Interlocked.Read(ref primaryUntil) ? ReadOnly : Primary;

    /// <summary>
    /// After the catalogue's cache is evicted, pages are rebuilt from the primary until the standbys have surely
    /// replayed the change (last measured lag plus one check interval); else a stale page would be cached for minutes.
    /// </summary>
    public void PrimaryAfterEviction()
    {
        // Unreachable standbys (no lag) answer nothing now; when they return, their lag is measured again.
        var hold = (LastLagSeconds ?? 0) + Options.StandbyCheckSeconds;
        Interlocked.Exchange(ref primaryUntil, Environment.TickCount64 + (long)(hold * 1000));
    }

    /// <summary>Measures the standby set once; a change of fitness is logged once at Warning, not per request.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        double? lag;
        try
        {
            await using var connection = new NpgsqlConnection(watch);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(LagQuery, connection);
            lag = Convert.ToDouble(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is NpgsqlException or DbException or TimeoutException or InvalidOperationException)
        {
            lag = null;
        }
        LastLagSeconds = lag;
        var fit = lag is { } seconds && seconds <= Options.MaxStandbyLagSeconds;
        if (fit == usable) return;
        usable = fit;
        if (fit) log.StandbysAnswerAgain(lag);
        else if (lag is null) log.StandbysUnreachable();
        else log.StandbysLagging(lag, Options.MaxStandbyLagSeconds);
    }

    /// <summary>Read-only sessions, named; pooled apart from the primary's because the string differs.</summary>
    static string ReadOnlyConnection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ShopConnection.Tuned(connectionString));
        builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c default_transaction_read_only=on" : builder.Options + " -c default_transaction_read_only=on";
        builder.ApplicationName ??= ApplicationName;
        return builder.ToString();
    }
}

/// <summary>A context on the read-only connection never saves: a write routed there is a bug, caught before the database refuses it.</summary>
public sealed class ReadOnlyGuard(string readOnly) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refuse(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void Refuse(DbContext? context)
    {
        if (context?.Database.GetConnectionString() == readOnly)
            throw new InvalidOperationException("This context reads from a standby and cannot save; the request should have been routed to the primary.");
    }
}

public static class ReadReplicaServices
{
    /// <summary>
    /// The shop's database context: on the primary, or on the standbys for a request the host marked with
    /// <see cref="ReadRoute.UseStandby"/> while <see cref="ReadReplicas.Usable"/>. Without
    /// <c>ConnectionStrings:MarketplaceReadOnly</c> every context uses the primary, as before.
    /// </summary>
    public static IServiceCollection AddMarketplaceDb(this IServiceCollection services, IConfiguration configuration, string primary)
    {
        services.AddScoped<ReadRoute>();
        services.AddSettings<ReadReplicaOptions>(configuration, ReadReplicaOptions.Section);
        if (configuration.GetConnectionString(ReadReplicas.ConnectionName) is not { Length: > 0 } readOnly)
        {
            services.AddDbContext<MarketplaceDb>(o => o.UseNpgsql(primary));
            return services;
        }
        services.AddSingleton(sp => new ReadReplicas(primary, readOnly, sp.GetRequiredService<ReadReplicaOptions>(), sp.GetRequiredService<ILogger<ReadReplicas>>()));
        services.AddSingleton(sp => new ReadOnlyGuard(sp.GetRequiredService<ReadReplicas>().ReadOnly));
        services.AddDbContext<MarketplaceDb>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<ReadReplicas>().ConnectionFor(sp.GetService<ReadRoute>()))
            .AddInterceptors(sp.GetRequiredService<ReadOnlyGuard>()));
        return services;
    }
}
