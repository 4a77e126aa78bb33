using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// Tells every instance of the shop that the catalogue changed: a PostgreSQL NOTIFY sent on the
/// writer's own connection, so it is delivered only when (and if) the writing transaction commits.
/// </summary>
public static class CatalogEvictionNotice
{
    public const string Channel = "pas_kreatif_catalog";
    const string Sql = "NOTIFY " + Channel;

    public static void Send(DbConnection connection, DbTransaction? transaction)
    {
        var opened = Open(connection);
        try
        {
            using var command = Command(connection, transaction);
            command.ExecuteNonQuery();
        }
        finally
        {
            if (opened) connection.Close();
        }
    }

    public static async Task SendAsync(DbConnection connection, DbTransaction? transaction)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync();
        try
        {
            await using var command = Command(connection, transaction);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    static bool Open(DbConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open) return false;
        connection.Open();
        return true;
    }

    static DbCommand Command(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Transaction = transaction;
        return command;
    }
}

/// <summary>
/// Each instance listens on a dedicated connection and evicts its cached catalogue pages on every
/// notice. After a lost connection it reconnects and evicts once, since notices sent meanwhile are gone.
/// </summary>
public sealed class CatalogEvictionListener(IConfiguration configuration, IOutputCacheStore store, CatalogFacetCache facets, ILogger<CatalogEvictionListener> log)
    : BackgroundService
{
    public const string ApplicationName = "pas-kreatif-catalog-listener";

    /// <summary>How many connections were established; tests wait for a reconnect with it.</summary>
    public int Connections => connections;

    int connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DomainServices.ConnectionName))
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
                connection.Notification += (_, _) => CatalogCacheEviction.Evict(store, facets).AsTask().GetAwaiter().GetResult();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + CatalogEvictionNotice.Channel, connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await CatalogCacheEviction.Evict(store, facets);
                Interlocked.Increment(ref connections);
                delay = TimeSpan.FromMilliseconds(250);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke the connection, the listener must live on: an escaping exception would stop the host.
                log.LogWarning(e, "The catalogue eviction listener lost its database connection; reconnecting in {Delay}", delay);
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
