using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// What a change evicts: the whole catalogue (every page and the facets), some listings' own pages, or
/// some listings' own pages and every page that shows their card (a sell-out changes the card's label).
/// </summary>
public sealed class CatalogEvictionScope
{
    public static readonly CatalogEvictionScope Everything = new(null, []);

    CatalogEvictionScope(IReadOnlyCollection<int>? listings, IReadOnlyCollection<int> cards) => (Listings, Cards) = (listings, cards);

    /// <summary>The listings whose pages go; null means everything.</summary>
    public IReadOnlyCollection<int>? Listings { get; }

    /// <summary>Listings whose card changed: their page and every list showing the card go.</summary>
    public IReadOnlyCollection<int> Cards { get; }

    public bool IsEverything => Listings is null;

    public static CatalogEvictionScope Of(IEnumerable<int> listings) => new(listings.Distinct().Order().ToArray(), []);

    public static CatalogEvictionScope OfCards(IEnumerable<int> listings)
    {
        var cards = listings.Distinct().Order().ToArray();
        return new(cards, cards);
    }

    public CatalogEvictionScope With(CatalogEvictionScope other) =>
        IsEverything || other.IsEverything ? Everything
            : new(Listings!.Concat(other.Listings!).Distinct().Order().ToArray(), Cards.Concat(other.Cards).Distinct().Order().ToArray());

    /// <summary>"sender:*" or "sender:12,c40" (c: the card too): short enough for NOTIFY's 8,000 bytes at any realistic number of ids.</summary>
    public string ToPayload(string sender) =>
        sender + ":" + (IsEverything ? "*" : string.Join(',', Listings!.Select(i =>
            (Cards.Contains(i) ? "c" : "") + i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Anything unreadable (an older instance's empty notice during a rolling restart) evicts everything.</summary>
    public static (string? Sender, CatalogEvictionScope Scope) Parse(string? payload)
    {
        var colon = payload?.LastIndexOf(':') ?? -1;
        if (colon < 0) return (null, Everything);
        var sender = payload![..colon];
        var ids = new List<int>();
        var cards = new List<int>();
        foreach (var part in payload[(colon + 1)..].Split(','))
        {
            var card = part.StartsWith('c');
            if (!int.TryParse(card ? part[1..] : part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return (sender, Everything);
            ids.Add(id);
            if (card) cards.Add(id);
        }
        return (sender, new CatalogEvictionScope(ids.Distinct().Order().ToArray(), cards.Distinct().Order().ToArray()));
    }
}

/// <summary>This instance's name in its notices, so its own listener can skip them (it evicted already).</summary>
public sealed class CatalogInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
}

/// <summary>
/// The writer's side of an eviction: the notice goes out inside the writing transaction, and this
/// instance evicts when that transaction commits, so no page is cached again from data about to change.
/// Without a transaction the write is already committed and the eviction happens at once.
/// </summary>
public sealed class CatalogWriterEviction(IOutputCacheStore store, CatalogMemory memory, CatalogInstance instance) : DbTransactionInterceptor
{
    readonly ConditionalWeakTable<DbTransaction, CatalogEvictionScope> pending = new();

    public void Wrote(DbConnection connection, DbTransaction? transaction, CatalogEvictionScope scope)
    {
        CatalogEvictionNotice.Send(connection, transaction, scope.ToPayload(instance.Id));
        if (transaction is null) CatalogCacheEviction.Evict(store, memory, scope).AsTask().GetAwaiter().GetResult();
        else Defer(transaction, scope);
    }

    public async ValueTask WroteAsync(DbConnection connection, DbTransaction? transaction, CatalogEvictionScope scope)
    {
        await CatalogEvictionNotice.SendAsync(connection, transaction, scope.ToPayload(instance.Id));
        if (transaction is null) await CatalogCacheEviction.Evict(store, memory, scope);
        else Defer(transaction, scope);
    }

    void Defer(DbTransaction transaction, CatalogEvictionScope scope)
    {
        lock (pending) pending.AddOrUpdate(transaction, pending.TryGetValue(transaction, out var earlier) ? earlier.With(scope) : scope);
    }

    CatalogEvictionScope? Take(DbTransaction transaction)
    {
        lock (pending) return pending.TryGetValue(transaction, out var scope) && pending.Remove(transaction) ? scope : null;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Take(transaction) is { } scope) CatalogCacheEviction.Evict(store, memory, scope).AsTask().GetAwaiter().GetResult();
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(transaction) is { } scope) await CatalogCacheEviction.Evict(store, memory, scope);
    }

    // Rolled back: nothing changed, nothing to evict (the notice was rolled back with it).
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(transaction);
        return Task.CompletedTask;
    }

    // A failed commit may still have committed: evicting too much is safe, too little is not.
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (Take(transaction) is { } scope) CatalogCacheEviction.Evict(store, memory, scope).AsTask().GetAwaiter().GetResult();
    }

    public override async Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(transaction) is { } scope) await CatalogCacheEviction.Evict(store, memory, scope);
    }
}

/// <summary>
/// Tells every instance of the shop what in the catalogue changed: a PostgreSQL notification sent on
/// the writer's own connection, so it is delivered only when (and if) the writing transaction commits.
/// </summary>
public static class CatalogEvictionNotice
{
    public const string Channel = "pas_kreatif_catalog";
    const string Sql = "SELECT pg_notify('" + Channel + "', @payload)";

    public static void Send(DbConnection connection, DbTransaction? transaction, string payload)
    {
        var opened = Open(connection);
        try
        {
            using var command = Command(connection, transaction, payload);
            command.ExecuteNonQuery();
        }
        finally
        {
            if (opened) connection.Close();
        }
    }

    public static async Task SendAsync(DbConnection connection, DbTransaction? transaction, string payload)
    {
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

    static bool Open(DbConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open) return false;
        connection.Open();
        return true;
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
        var (sender, scope) = CatalogEvictionScope.Parse(payload);
        if (sender == instance.Id)
        {
            Interlocked.Increment(ref own);
            return;
        }
        CatalogCacheEviction.Evict(store, memory, scope).AsTask().GetAwaiter().GetResult();
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
                await CatalogCacheEviction.Evict(store, memory, CatalogEvictionScope.Everything);
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
