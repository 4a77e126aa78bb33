using System.Collections.Concurrent;

namespace PasKreatif.Catalog;

/// <summary>
/// Reads of the public catalogue that many first-visit pages share, kept in memory until the catalogue
/// changes: the output cache keys a page by its whole address, so it cannot serve these parts.
/// A change of everything clears every table; a change of some listings drops the entries that show them.
/// </summary>
public sealed class CatalogMemory
{
    /// <summary>Old links a crawler or a shared post keeps sending; bounded so random addresses cannot grow it without end.</summary>
    const int UnavailableLinks = 20_000;
    /// <summary>About two makers in three at a million listings; nine cards an entry, under 20 MB in all.</summary>
    const int MakerProgrammes = 10_000;
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    readonly List<IForgetting> tables = [];
    readonly TimeProvider clock;
    readonly CatalogFacetCache facets;
    long generation;
    long forgets;

    public CatalogMemory(TimeProvider clock, CatalogFacetCache facets)
    {
        (this.clock, this.facets) = (clock, facets);
        Categories = Table<int, IReadOnlyList<CategoryLink>>(1, Lifetime);
        Unavailable = Table<string, UnavailableAnswer>(UnavailableLinks, Lifetime);
        Strips = Table<(string, string), IReadOnlyList<ListingCard>>(MakerProgrammes, Lifetime);
    }

    /// <summary>A product page's "more from" cards by (maker slug, programme slug): a maker's twenty products share them.</summary>
    public CatalogMemo<(string Maker, string Programme), IReadOnlyList<ListingCard>> Strips { get; }

    /// <summary>The categories in their order (one entry, key 0): every list page, the 404 page and the home page name them.</summary>
    public CatalogMemo<int, IReadOnlyList<CategoryLink>> Categories { get; }

    /// <summary>What a product link that is not on sale answers, by slug: computed once, not on every visit.</summary>
    public CatalogMemo<string, UnavailableAnswer> Unavailable { get; }

    internal interface IForgetting
    {
        void Clear();
        void Forget(IReadOnlyCollection<int> listings);
    }

    internal DateTimeOffset Now => clock.GetUtcNow();
    internal long Generation => Interlocked.Read(ref generation);
    internal long Forgets => Interlocked.Read(ref forgets);

    /// <summary>A table of values by key, at most <paramref name="capacity"/> entries, each kept at most <paramref name="lifetime"/>.</summary>
    public CatalogMemo<TKey, TValue> Table<TKey, TValue>(int capacity, TimeSpan lifetime) where TKey : notnull
    {
        var table = new CatalogMemo<TKey, TValue>(this, capacity, lifetime);
        lock (tables) tables.Add(table);
        return table;
    }

    /// <summary>Called whenever a saved change may touch anything catalogue pages show.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        facets.Clear();
        lock (tables) foreach (var t in tables) t.Clear();
    }

    /// <summary>Called when only these listings changed (a stock count, a sell-out).</summary>
    public void Forget(IReadOnlyCollection<int> listings)
    {
        if (listings.Count == 0) return;
        Interlocked.Increment(ref forgets);
        lock (tables) foreach (var t in tables) t.Forget(listings);
    }
}

/// <summary>One table of <see cref="CatalogMemory"/>: each value remembers which listings it shows.</summary>
public sealed class CatalogMemo<TKey, TValue> : CatalogMemory.IForgetting where TKey : notnull
{
    sealed record Entry(TValue Value, IReadOnlyCollection<int> Shows, DateTimeOffset Until, long Generation);

    readonly ConcurrentDictionary<TKey, Entry> entries = new();
    readonly CatalogMemory memory;
    readonly int capacity;
    readonly TimeSpan lifetime;

    internal CatalogMemo(CatalogMemory memory, int capacity, TimeSpan lifetime) =>
        (this.memory, this.capacity, this.lifetime) = (memory, capacity, lifetime);

    public int Count => entries.Count;

    /// <summary>The remembered value, if one is current.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var hit) && hit.Until > memory.Now && hit.Generation == memory.Generation)
        {
            value = hit.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>The remembered value, or the loaded one, kept unless the catalogue changed while it was read.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<Task<(TValue Value, IReadOnlyCollection<int> Shows)>> load)
    {
        var now = memory.Now;
        var generation = memory.Generation;
        if (entries.TryGetValue(key, out var hit) && hit.Until > now && hit.Generation == generation) return hit.Value;
        var forgets = memory.Forgets;
        var (value, shows) = await load();
        // A read that overlapped a change may hold what changed: it serves this request only.
        if (memory.Generation != generation || memory.Forgets != forgets) return value;
        if (entries.Count >= capacity) entries.Clear(); // a crawler's random addresses must not grow it without end
        entries[key] = new Entry(value, shows, now + lifetime, generation);
        return value;
    }

    void CatalogMemory.IForgetting.Clear() => entries.Clear();

    void CatalogMemory.IForgetting.Forget(IReadOnlyCollection<int> listings)
    {
        foreach (var (key, entry) in entries)
            if (entry.Shows.Any(listings.Contains)) entries.TryRemove(key, out _);
    }
}
