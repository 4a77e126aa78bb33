using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class CatalogFacetCacheTests
{
    sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static CatalogFacets Facets(string regency) => new([new FacetOption(regency, regency)], [], [], ScopeCounts.None);

    [Fact]
    public async Task A_scope_is_read_once_until_the_catalogue_changes()
    {
        var cache = new CatalogFacetCache(new Clock(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        var reads = 0;
        var scope = new CatalogFilter { Category = "kue-camilan" };
        Task<CatalogFacets> Load() { reads++; return Task.FromResult(Facets("banyumas-" + reads)); }

        Assert.Equal("banyumas-1", (await cache.GetAsync(scope, Load)).Regencies[0].Slug);
        Assert.Equal("banyumas-1", (await cache.GetAsync(scope with { Sort = CatalogSort.PriceLow, After = "1.2" }, Load)).Regencies[0].Slug);
        Assert.Equal(1, reads);

        cache.Clear();
        Assert.Equal("banyumas-2", (await cache.GetAsync(scope, Load)).Regencies[0].Slug);
        Assert.Equal("banyumas-3", (await cache.GetAsync(new CatalogFilter { Category = "tas" }, Load)).Regencies[0].Slug);
    }

    [Fact]
    public async Task Facets_read_while_the_catalogue_changed_are_not_served_afterwards()
    {
        var cache = new CatalogFacetCache(new Clock(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        var scope = new CatalogFilter { Programme = "roti" };
        // A change lands between the read and the store: the stale answer must not stick.
        await cache.GetAsync(scope, () => { cache.Clear(); return Task.FromResult(Facets("old")); });
        Assert.Equal("new", (await cache.GetAsync(scope, () => Task.FromResult(Facets("new")))).Regencies[0].Slug);
    }

    [Fact]
    public async Task Entries_expire_after_ten_minutes()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = new CatalogFacetCache(clock);
        var scope = new CatalogFilter { Maker = "sari" };
        await cache.GetAsync(scope, () => Task.FromResult(Facets("old")));
        clock.Now += TimeSpan.FromMinutes(9);
        Assert.Equal("old", (await cache.GetAsync(scope, () => Task.FromResult(Facets("new")))).Regencies[0].Slug);
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal("new", (await cache.GetAsync(scope, () => Task.FromResult(Facets("new")))).Regencies[0].Slug);
    }
}
