using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>The services raise what they change; the eviction waits for the commit, and a rollback evicts nothing.</summary>
public class CatalogChangeEvictionTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    async Task<int> CommandsForAsync(ShopClient client, string url)
    {
        factory.Commands.Reset();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.Count;
    }

    static async Task<string> StockShownAsync(ShopClient client, string slug) =>
        (await client.GetDocumentAsync("/produk/" + slug)).QuerySelector(".product-info .availability")!.TextContent.Trim();

    [Fact]
    public async Task A_stock_change_evicts_its_page_only_when_its_transaction_commits_and_never_when_it_rolls_back()
    {
        var listing = await factory.AddListingAsync("Tas Anyam Uji Transaksi", 45_000, StandardCategories.Handicrafts, l => l.Stock = 5);
        var page = "/produk/" + listing.Slug;
        using var visitor = ShopClient.For(factory);
        Assert.Contains("5", await StockShownAsync(visitor, listing.Slug));
        Assert.Equal(0, await CommandsForAsync(visitor, page));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var changes = scope.ServiceProvider.GetRequiredService<ICatalogChanges>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                Assert.True(await ListingStock.ReserveAsync(db, listing.Id, 2, changes, CancellationToken.None));
                await tx.RollbackAsync();
            }
            Assert.Equal(0, await CommandsForAsync(visitor, page)); // rolled back: still cached

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                Assert.True(await ListingStock.ReserveAsync(db, listing.Id, 1, changes, CancellationToken.None));
                Assert.Equal(0, await CommandsForAsync(visitor, page)); // not committed yet: the cached page still holds
                await tx.CommitAsync();
            }
        }
        Assert.Contains("4", await StockShownAsync(visitor, listing.Slug));
        Assert.Equal(4, await PasKreatif.Integration.Tests.Checkout.Shopping.StockAsync(factory, listing.Id));
    }

    [Fact]
    public async Task A_listing_paused_by_its_maker_leaves_the_cached_pages_at_once()
    {
        var listing = await factory.AddListingAsync("Tikar Pandan Uji Jeda", 85_000, StandardCategories.Handicrafts);
        var category = $"/kategori/{StandardCategories.Handicrafts}?uji=jeda";
        using var visitor = ShopClient.For(factory);
        Assert.Null((await visitor.GetDocumentAsync("/produk/" + listing.Slug)).QuerySelector("#unavailable-notice"));
        Assert.Contains(listing.Slug, await visitor.Http.GetStringAsync(category));
        Assert.Equal(0, await CommandsForAsync(visitor, category));

        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MarketplaceDb>();
            var actor = await db.Makers.Where(m => m.Id == listing.MakerId).Select(m => m.PersonId).SingleAsync();
            await services.GetRequiredService<ListingEditor>().PauseAsync(listing.MakerId, listing.Id, actor);
            return 0;
        });

        Assert.NotNull((await visitor.GetDocumentAsync("/produk/" + listing.Slug)).QuerySelector("#unavailable-notice"));
        Assert.DoesNotContain(listing.Slug, await visitor.Http.GetStringAsync(category));
    }

    [Fact]
    public async Task A_draft_saved_by_its_maker_keeps_every_cached_page()
    {
        var draft = await factory.AddListingAsync("Gantungan Kunci Uji Draf", 15_000, StandardCategories.Handicrafts,
            l => (l.Status, l.PublishedAt, l.WeightGrams) = (ListingStatus.Draft, null, 100));
        var category = $"/kategori/{StandardCategories.Handicrafts}?uji=draf";
        using var visitor = ShopClient.For(factory);
        await visitor.Http.GetAsync(category);
        await visitor.Http.GetAsync("/?uji=draf");
        Assert.Equal(0, await CommandsForAsync(visitor, category));

        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MarketplaceDb>();
            var actor = await db.Makers.Where(m => m.Id == draft.MakerId).Select(m => m.PersonId).SingleAsync();
            await services.GetRequiredService<ListingEditor>().SetStockAsync(draft.MakerId, draft.Id, actor, 9);
            return 0;
        });
        Assert.Equal(9, await PasKreatif.Integration.Tests.Checkout.Shopping.StockAsync(factory, draft.Id));

        Assert.Equal(0, await CommandsForAsync(visitor, category)); // nothing public shows a draft
        Assert.Equal(0, await CommandsForAsync(visitor, "/?uji=draf"));
    }
}
