using System.Collections.Concurrent;

namespace PasKreatif.Catalog;

/// <summary>
/// The filter choices of each list scope, kept until the catalogue changes: three DISTINCT queries
/// over a category's 10,000 listings cost more than the page they sit on.
/// </summary>
public sealed class CatalogFacetCache(TimeProvider clock)
{
    /// <summary>Scopes are categories, programmes and makers; a bound keeps a crawler from growing it without end.</summary>
    const int MaxScopes = 20_000;
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    sealed record Entry(CatalogFacets Facets, DateTimeOffset Until, long Generation);

    readonly ConcurrentDictionary<(string?, string?, string?), Entry> entries = new();
    long generation;

    public async Task<CatalogFacets> GetAsync(CatalogFilter scope, Func<Task<CatalogFacets>> load)
    {
        var key = (scope.Category, scope.Programme, scope.Maker);
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(key, out var hit) && hit.Until > now && hit.Generation == current) return hit.Facets;
        var facets = await load();
        if (entries.Count >= MaxScopes) entries.Clear();
        // An entry read before a change is stamped with the older generation, so it is never served after it.
        entries[key] = new Entry(facets, now + Lifetime, current);
        return facets;
    }

    /// <summary>Called whenever a saved change touches what catalogue pages show.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
