using System.Buffers;
using System.Globalization;
using System.Numerics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>One search's words as the word index reads them.</summary>
/// <param name="Strict">Per word: its lexemes as typed and stemmed.</param>
/// <param name="Loose">Per word: those and its corrections.</param>
/// <param name="Prefix">The last word's start, when the buyer may not have finished it.</param>
internal sealed record WordQuery(string[][] Strict, string[][] Loose, string? Prefix);

/// <summary>What the index found: the most popular matches (the only ones ranked) and the counts a page shows.</summary>
internal sealed record WordMatches(int[] Candidates, int EveryTotal, bool Loose, int Total, bool EveryStrict);

/// <summary>
/// Which goods on sale hold which words (the lexemes of each listing's search document), in memory: a search
/// finds, counts and picks its most popular matches here, and the database ranks only those, by primary key.
/// Reading the matches from the table cost a search one to three thousand heap rows per common word.
/// </summary>
/// <remarks>
/// Kept current by the database's own change notes (<see cref="SearchChangeFeed"/>), read in the same round trip as
/// each search's word lookup, so a change from any path (another instance, psql, a COPY) is seen by the next search.
/// Until the first load is done, and for words the index cannot read as single lexemes, search asks the database alone.
/// </remarks>
public sealed class WordIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WordIndex> log)
{
    /// <summary>Changed listings kept beside the loaded ones before all are loaded again.</summary>
    internal const int ChangedLimit = 5_000;
    /// <summary>A first search waits this long for the index; past it (a large catalogue) the database answers meanwhile.</summary>
    static readonly TimeSpan FirstLoadWait = TimeSpan.FromSeconds(3);

    /// <summary>A listing changed since the load: its units sold and lexemes, looked up directly.</summary>
    sealed record Changed(int Id, int Sold, HashSet<string> Lexemes);

    /// <summary>The changes seen since the load, replaced whole on each look so searches read it without a lock.</summary>
    sealed record Overlay(ulong Xmax, ulong Horizon, ulong[] Masked, Dictionary<int, Changed> Changes);

    /// <summary>One load: listings by position (doc), each lexeme's docs in order, and the changes since.</summary>
    sealed class Loaded(int[] ids, int[] sold, Dictionary<string, Posting> postings, string[] lexemes, Overlay overlay)
    {
        /// <summary>In id order, so a listing's doc is found by binary search: a dictionary of 880,000 ids held about 40 MB.</summary>
        public int[] Ids { get; } = ids;
        /// <summary>Units sold change on every sale: written in place, a torn value is impossible for an int.</summary>
        public int[] Sold { get; } = sold;
        public bool TryDocOf(int id, out int doc) => (doc = Array.BinarySearch(Ids, id)) >= 0;
        public Dictionary<string, Posting> Postings { get; } = postings;
        /// <summary>Every lexeme in ordinal order: a prefix's lexemes are one run of it.</summary>
        public string[] Lexemes { get; } = lexemes;
        public Overlay Overlay { get; set; } = overlay;
    }

    /// <summary>A look in progress: the load it was asked for and the horizon it reads from.</summary>
    internal sealed record Look(object Load, string Horizon);

    volatile Loaded? loaded;
    Task? loading;
    DateTimeOffset lastLook;
    readonly Lock gate = new();
    int answered, loads;

    /// <summary>Searches the index answered, and loads done: what tests and operators read to know it serves.</summary>
    internal int Answered => Volatile.Read(ref answered);
    internal int Loads => Volatile.Read(ref loads);

    /// <summary>Starts loading as the shop starts, so the first buyers' searches neither wait nor fall back (24 s at a million listings).</summary>
    public void Warm()
    {
        lock (gate)
            if (loaded is null) loading ??= Task.Run(LoadAsync, CancellationToken.None);
    }

    /// <summary>Loaded, or loaded within a short wait; false while a large catalogue still loads.</summary>
    internal async Task<Look?> ReadyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Task load;
        lock (gate)
        {
            // The notes of a long quiet spell may be pruned: load afresh rather than trust them.
            if (loaded is not null && now - lastLook > SearchChangeFeed.Kept / 2) loaded = null;
            if (loaded is { } ready) { lastLook = now; return new Look(ready, ready.Overlay.Horizon.ToString(CultureInfo.InvariantCulture)); }
            load = loading ??= Task.Run(LoadAsync, CancellationToken.None);
        }
        await Task.WhenAny(load, Task.Delay(FirstLoadWait, ct));
        lock (gate)
            return loaded is { } now2 ? new Look(now2, now2.Overlay.Horizon.ToString(CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>
    /// A look's rows, as a part of a search's first statement: the snapshot's horizon (kind 3), then each listing
    /// noted since the last look's horizon (kind 4) with what search reads of it. One snapshot serves both: every
    /// transaction older than the horizon is visible to it, so its notes are read now; the next look reads from there.
    /// </summary>
    internal static readonly string LookSql = $"""
        SELECT 3 AS "Kind", 0::bigint AS "Seq", pg_snapshot_xmin(s)::text AS "A", pg_snapshot_xmax(s)::text AS "B", NULL::text AS "C",
               false AS "Flag", 0 AS "Sold", NULL::text[] AS "Lexemes"
        FROM pg_current_snapshot() s WHERE @horizon::text IS NOT NULL
        UNION ALL
        SELECT 4, c."ListingId", NULL, NULL, NULL, coalesce(l."Status" = 'Approved', false), coalesce(l."UnitsSold", 0),
               CASE WHEN c.words AND l."Status" = 'Approved' THEN tsvector_to_array(l."SearchVector") END
        FROM (SELECT "ListingId", bool_or("Words") AS words FROM "{SearchChangeFeed.Table}"
              WHERE @horizon::text IS NOT NULL AND "Xid" >= @horizon::text::xid8 GROUP BY "ListingId") c
        LEFT JOIN "Listings" l ON l."Id" = c."ListingId"
        """;

    /// <summary>What one look read: the snapshot's bounds and the listings noted, each as it is now.</summary>
    internal sealed record LookRead(ulong Horizon, ulong Xmax, List<(int Id, bool OnSale, int Sold, string[]? Lexemes)> Listings);

    internal static ulong Xid(string text) => ulong.Parse(text, CultureInfo.InvariantCulture);

    internal void Apply(Look look, LookRead read)
    {
        var (horizon, xmax, rows) = (read.Horizon, read.Xmax, read.Listings);
        lock (gate)
        {
            if (loaded is not { } load || !ReferenceEquals(look.Load, load)) return;
            var overlay = load.Overlay;
            // A look that started before one already applied saw nothing that one did not.
            if (xmax < overlay.Xmax) return;
            if (rows.Any(r => r.Id == 0))
            {
                // Listings truncated: nothing loaded can be trusted; search asks the database until loaded again.
                loaded = null;
                loading ??= Task.Run(LoadAsync, CancellationToken.None);
                return;
            }
            Dictionary<int, Changed>? changes = null;
            ulong[]? masked = null;
            foreach (var (id, onSale, sold, lexemes) in rows)
            {
                var inBase = load.TryDocOf(id, out var doc);
                var wasChanged = (changes ?? overlay.Changes).TryGetValue(id, out var known);
                if (lexemes is null && onSale)
                {
                    // Units sold only.
                    if (wasChanged && known!.Sold != sold) (changes ??= new(overlay.Changes))[id] = known with { Sold = sold };
                    else if (!wasChanged && inBase && !IsSet(masked ?? overlay.Masked, doc)) Volatile.Write(ref load.Sold[doc], sold);
                    continue;
                }
                // A look re-reads every note since the oldest running transaction: what it already applied costs no copy.
                if (onSale && wasChanged && known!.Sold == sold && known.Lexemes.SetEquals(lexemes!)) continue;
                if (!onSale && !wasChanged && (!inBase || IsSet(masked ?? overlay.Masked, doc))) continue;
                if (inBase && !IsSet(masked ?? overlay.Masked, doc))
                {
                    masked ??= (ulong[])overlay.Masked.Clone();
                    masked[doc >> 6] |= 1UL << doc;
                }
                changes ??= new(overlay.Changes);
                if (onSale) changes[id] = new Changed(id, sold, lexemes!.ToHashSet(StringComparer.Ordinal));
                else changes.Remove(id);
            }
            load.Overlay = new Overlay(xmax, horizon, masked ?? overlay.Masked, changes ?? overlay.Changes);
            if (load.Overlay.Changes.Count > ChangedLimit) loading ??= Task.Run(LoadAsync, CancellationToken.None);
        }
    }

    static bool IsSet(ulong[] bits, int doc) => (bits[doc >> 6] & (1UL << doc)) != 0;

    async Task LoadAsync()
    {
        try
        {
            var started = clock.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                // One snapshot for the horizon, the listings and their words, so doc numbers agree and no change is missed.
                await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
                ulong horizon, xmax;
                await using (var command = new NpgsqlCommand("SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() s", connection, transaction))
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                    horizon = Xid(reader.GetString(0));
                    xmax = Xid(reader.GetString(1));
                }
                var ids = new List<int>();
                var sold = new List<int>();
                await using (var command = new NpgsqlCommand("""
                    SELECT "Id", "UnitsSold" FROM "Listings" WHERE "Status" = 'Approved' ORDER BY "Id"
                    """, connection, transaction))
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        ids.Add(reader.GetInt32(0));
                        sold.Add(reader.GetInt32(1));
                    }
                }
                // The database groups the postings: a row of lexemes per listing would be millions of short-lived strings here.
                var postings = new Dictionary<string, Posting>(StringComparer.Ordinal);
                await using (var command = new NpgsqlCommand("""
                    SELECT w.lexeme, array_agg(d.doc ORDER BY d.doc)
                    FROM (SELECT (row_number() OVER (ORDER BY "Id") - 1)::int AS doc, "SearchVector" AS v
                          FROM "Listings" WHERE "Status" = 'Approved') d,
                         unnest(tsvector_to_array(d.v)) AS w(lexeme)
                    GROUP BY w.lexeme
                    """, connection, transaction))
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync()) postings[reader.GetString(0)] = Posting.Of(reader.GetFieldValue<int[]>(1), ids.Count);
                }
                await transaction.CommitAsync();
                var lexemes = postings.Keys.ToArray();
                Array.Sort(lexemes, StringComparer.Ordinal);
                var fresh = new Loaded([.. ids], [.. sold], postings, lexemes,
                    new Overlay(xmax, horizon, new ulong[(ids.Count + 63) >> 6], []));
                lock (gate)
                {
                    loaded = fresh;
                    lastLook = clock.GetUtcNow();
                    loads++;
                }
                var took = clock.GetElapsedTime(started).TotalMilliseconds;
                WordIndexLog.Loaded(log, ids.Count, lexemes.Length, took);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception e)
        {
            // Search still answers from the database; the next search tries again.
            WordIndexLog.LoadFailed(log, e);
        }
        finally
        {
            lock (gate) loading = null;
        }
    }

    /// <summary>
    /// The search as the SQL statement states it: every word (a page short of matches with several words: any word),
    /// counted up to <paramref name="counted"/>, and the <paramref name="ranked"/> most popular of them.
    /// </summary>
    internal WordMatches? Find(Look look, WordQuery query, int below, int counted, int ranked)
    {
        if (look.Load is not Loaded load) return null;
        Interlocked.Increment(ref answered);
        var overlay = load.Overlay;
        var words = query.Strict.Length;
        var changed = overlay.Changes.Values;
        var last = words - 1;

        // Bitmaps of the loaded docs, rented: at a million listings each is 125 KB, which would be a large-object allocation per search.
        using var bitmaps = new Bitmaps(overlay.Masked.Length);
        var loose = new ulong[words][];
        for (var i = 0; i < words; i++) loose[i] = Bits(bitmaps.Rent(), load, overlay, query.Loose[i], i == last ? query.Prefix : null);
        var every = And(bitmaps.Rent(), loose, bitmaps.Length);
        var everyTotal = Math.Min(Count(every, bitmaps.Length) + changed.Count(c => Enumerable.Range(0, words).All(i => Holds(c, query.Loose[i], i == last ? query.Prefix : null))), counted);
        var isLoose = everyTotal < below;

        ulong[] chosen;
        Func<Changed, bool> chosenChanged;
        int total;
        if (isLoose)
        {
            chosen = Or(bitmaps.Rent(), loose, bitmaps.Length);
            chosenChanged = c => Enumerable.Range(0, words).Any(i => Holds(c, query.Loose[i], i == last ? query.Prefix : null));
            total = Math.Min(Count(chosen, bitmaps.Length) + changed.Count(chosenChanged), counted);
        }
        else
        {
            chosen = every;
            chosenChanged = c => Enumerable.Range(0, words).All(i => Holds(c, query.Loose[i], i == last ? query.Prefix : null));
            total = everyTotal;
        }

        var everyStrict = false;
        if (isLoose)
        {
            var strict = new ulong[words][];
            for (var i = 0; i < words; i++) strict[i] = Bits(bitmaps.Rent(), load, overlay, query.Strict[i], null);
            everyStrict = Count(And(bitmaps.Rent(), strict, bitmaps.Length), bitmaps.Length) > 0 || changed.Any(c => query.Strict.All(s => Holds(c, s, null)));
        }

        // The most popular first, as (units sold, id) descending: a min-heap keeps the best `ranked`.
        var best = new PriorityQueue<int, (int Sold, int Id)>(ranked + 1);
        void Offer(int id, int sold)
        {
            if (best.Count < ranked) best.Enqueue(id, (sold, id));
            else if (best.TryPeek(out _, out var least) && (sold, id).CompareTo(least) > 0) best.DequeueEnqueue(id, (sold, id));
        }
        for (var w = 0; w < bitmaps.Length; w++)
        {
            var bits = chosen[w];
            while (bits != 0)
            {
                var doc = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                Offer(load.Ids[doc], Volatile.Read(ref load.Sold[doc]));
            }
        }
        foreach (var c in changed) if (chosenChanged(c)) Offer(c.Id, c.Sold);
        var candidates = new int[best.Count];
        for (var i = 0; i < candidates.Length; i++) candidates[i] = best.Dequeue();
        return new WordMatches(candidates, everyTotal, isLoose, total, everyStrict);
    }

    /// <summary>The loaded (and unchanged) docs holding any of the lexemes, or a lexeme starting with the prefix.</summary>
    static ulong[] Bits(ulong[] bits, Loaded load, Overlay overlay, string[] lexemes, string? prefix)
    {
        var length = overlay.Masked.Length;
        Array.Clear(bits, 0, length);
        foreach (var lexeme in lexemes)
            if (load.Postings.TryGetValue(lexeme, out var docs)) Set(bits, docs);
        if (prefix is not null)
        {
            var at = Array.BinarySearch(load.Lexemes, prefix, StringComparer.Ordinal);
            for (var i = at < 0 ? ~at : at; i < load.Lexemes.Length && load.Lexemes[i].StartsWith(prefix, StringComparison.Ordinal); i++)
                Set(bits, load.Postings[load.Lexemes[i]]);
        }
        for (var w = 0; w < length; w++) bits[w] &= ~overlay.Masked[w];
        return bits;
    }

    static void Set(ulong[] bits, Posting posting)
    {
        if (posting.Bits is { } words)
            for (var w = 0; w < words.Length; w++) bits[w] |= words[w];
        else
            foreach (var doc in posting.Docs!) bits[doc >> 6] |= 1UL << doc;
    }

    /// <summary>
    /// One lexeme's docs: a list, or a bitmap once the word is on more than one listing in 32 (a common word's
    /// bitmap is smaller than its list, and is merged a word at a time).
    /// </summary>
    sealed class Posting
    {
        public int[]? Docs { get; private init; }
        public ulong[]? Bits { get; private init; }

        public static Posting Of(int[] docs, int listings)
        {
            if ((long)docs.Length * 32 <= listings) return new Posting { Docs = docs };
            var bits = new ulong[(listings + 63) >> 6];
            foreach (var doc in docs) bits[doc >> 6] |= 1UL << doc;
            return new Posting { Bits = bits };
        }
    }

    static bool Holds(Changed listing, string[] lexemes, string? prefix) =>
        lexemes.Any(listing.Lexemes.Contains) || (prefix is not null && listing.Lexemes.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)));

    static ulong[] And(ulong[] result, ulong[][] sets, int length)
    {
        Array.Copy(sets[0], result, length);
        for (var s = 1; s < sets.Length; s++)
            for (var w = 0; w < length; w++) result[w] &= sets[s][w];
        return result;
    }

    static ulong[] Or(ulong[] result, ulong[][] sets, int length)
    {
        Array.Copy(sets[0], result, length);
        for (var s = 1; s < sets.Length; s++)
            for (var w = 0; w < length; w++) result[w] |= sets[s][w];
        return result;
    }

    static int Count(ulong[] bits, int length)
    {
        var n = 0;
        for (var w = 0; w < length; w++) n += BitOperations.PopCount(bits[w]);
        return n;
    }

    /// <summary>A search's bitmaps, rented from the shared pool (longer than asked: only the first <see cref="Length"/> words count).</summary>
    sealed class Bitmaps(int length) : IDisposable
    {
        readonly List<ulong[]> rented = [];

        public int Length { get; } = length;

        public ulong[] Rent()
        {
            var bits = ArrayPool<ulong>.Shared.Rent(Math.Max(Length, 1));
            rented.Add(bits);
            return bits;
        }

        public void Dispose()
        {
            foreach (var bits in rented) ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    /// <summary>The single lexeme of a tsquery's text (<c>'kue'</c>); null for anything else (several, an operator).</summary>
    internal static string? Lexeme(string tsquery)
    {
        if (tsquery.Length < 3 || tsquery[0] != '\'' || tsquery[^1] != '\'') return null;
        var inner = tsquery[1..^1];
        return inner.Length == 0 || inner.Contains('\'') || inner.Contains('\\') ? null : inner;
    }
}

/// <summary>Prunes the search change notes every instance has read (kept an hour; see <see cref="SearchChangeFeed"/>).</summary>
public sealed class SearchChangesPrune(MarketplaceDb db)
{
    public const string Id = "search-changes-prune";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<int> RunAsync(CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"""DELETE FROM "{SearchChangeFeed.Table}" WHERE "At" < now() - make_interval(secs => @kept)""",
            [new NpgsqlParameter("kept", SearchChangeFeed.Kept.TotalSeconds)], ct);

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SearchChangesPrune>(Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
}

static partial class WordIndexLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Word index loaded: {Listings} listings, {Lexemes} words in {Milliseconds:F0} ms")]
    public static partial void Loaded(ILogger logger, int listings, int lexemes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Word index could not be loaded; search asks the database meanwhile")]
    public static partial void LoadFailed(ILogger logger, Exception error);
}
