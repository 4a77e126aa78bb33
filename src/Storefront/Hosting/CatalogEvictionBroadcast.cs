using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>This instance's name in its notices, so its own listener can skip them (it evicted already).</summary>
public sealed class CatalogInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
}

/// <summary>
/// Tells every instance of the shop what in the catalogue changed: a PostgreSQL notification sent on
/// the writer's own connection, so it is delivered only when (and if) the writing transaction commits.
/// </summary>
public static class CatalogEvictionNotice
{
    public const string Channel = "pas_kreatif_catalog";
    const string Sql = "SELECT pg_notify('" + Channel + "', @payload)";

    /// <summary>NOTIFY's payload holds 8,000 bytes; a longer list of changes goes as one whole eviction.</summary>
    const int Longest = 7_000;

    /// <summary>"sender:SoldOut=12;StockLeft=7": the changes as raised, so every listener evicts by the same rule.</summary>
    public static string Payload(string sender, IReadOnlyList<CatalogChange> changes)
    {
        var text = CatalogChange.Write(changes);
        return sender + ":" + (text.Length > Longest ? CatalogChange.Write([CatalogChange.Everything]) : text);
    }

    public static (string? Sender, IReadOnlyList<CatalogChange> Changes) Parse(string? payload)
    {
        var colon = payload?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon < 0 ? (null, [CatalogChange.Everything]) : (payload![..colon], CatalogChange.Read(payload[(colon + 1)..]));
    }

    public static async Task SendAsync(DbConnection connection, DbTransaction? transaction, string sender, IReadOnlyList<CatalogChange> changes)
    {
        var payload = Payload(sender, changes);
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync();
        try
        {
            await using var command = Command(connection, transaction, payload);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    static DbCommand Command(DbConnection connection, DbTransaction? transaction, string payload)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Transaction = transaction;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "payload";
        parameter.Value = payload;
        command.Parameters.Add(parameter);
        return command;
    }
}

/// <summary>
/// Each instance listens on a dedicated connection and evicts what another instance's notice names;
/// its own notices are skipped, since it evicted when it wrote. After a lost connection it
/// reconnects and evicts everything once, since notices sent meanwhile are gone.
/// </summary>
public sealed class CatalogEvictionListener(IConfiguration configuration, IOutputCacheStore store, CatalogMemory memory,
    CatalogInstance instance, ILogger<CatalogEvictionListener> log) : BackgroundService
{
    public const string ApplicationName = "pas-kreatif-catalog-listener";

    /// <summary>How many connections were established; tests wait for a reconnect with it.</summary>
    public int Connections => connections;

    /// <summary>Notices of other instances that evicted the whole catalogue here.</summary>
    public int EverythingEvicted => everything;

    /// <summary>Notices of other instances that evicted only some listings' pages here.</summary>
    public int ListingsEvicted => listings;

    /// <summary>This instance's own notices, skipped: it evicted when it wrote.</summary>
    public int OwnSkipped => own;

    /// <summary>Whether the LISTEN is on now: notices sent while it is off are lost (and made up by one whole eviction).</summary>
    public bool Listening => Volatile.Read(ref listening);

    int connections, everything, listings, own;
    bool listening;

    void Receive(string? payload)
    {
        var (sender, changes) = CatalogEvictionNotice.Parse(payload);
        if (sender == instance.Id)
        {
            Interlocked.Increment(ref own);
            return;
        }
        var scope = CatalogEvictionScope.For(changes);
        CatalogEviction.EvictAsync(store, memory, scope).AsTask().GetAwaiter().GetResult();
        if (scope.IsEverything) Interlocked.Increment(ref everything);
        else Interlocked.Increment(ref listings);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(DomainServices.ConnectionString(configuration))
        {
            Pooling = false, // a dedicated connection: a pooled one would be handed back with LISTEN still on
            KeepAlive = 15,  // a dead server or network is noticed within seconds
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => Receive(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + CatalogEvictionNotice.Channel, connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await CatalogEviction.EvictAsync(store, memory, CatalogEvictionScope.Everything);
                Interlocked.Increment(ref connections);
                Volatile.Write(ref listening, true);
                delay = TimeSpan.FromMilliseconds(250);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Volatile.Write(ref listening, false);
                // Whatever broke the connection, the listener must live on: an escaping exception would stop the host.
                log.EvictionListenerLost(e, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
