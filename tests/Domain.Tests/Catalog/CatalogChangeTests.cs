using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class CatalogChangeTests
{
    [Fact]
    public void A_stock_count_left_above_zero_and_units_sold_evict_the_product_pages_alone()
    {
        foreach (var scope in new[] { CatalogChange.StockLeft(5).Evicts, CatalogChange.UnitsSold([5, 5, 9]).Evicts })
        {
            Assert.False(scope.IsEverything);
            Assert.Empty(scope.Cards);
        }
        Assert.Equal([5, 9], CatalogChange.UnitsSold([9, 5, 5]).Evicts.Listings!);
    }

    [Fact]
    public void Selling_the_last_unit_evicts_the_card_wherever_it_shows_and_coming_back_evicts_everything()
    {
        var soldOut = CatalogChange.SoldOut(7).Evicts;
        Assert.Equal([7], soldOut.Listings!);
        Assert.Equal([7], soldOut.Cards);
        Assert.True(CatalogChange.BackInStock(7).Evicts.IsEverything);
    }

    [Fact]
    public void A_listing_never_on_sale_evicts_nothing_and_a_published_one_everything()
    {
        var draft = new Listing { Id = 3, MakerId = 2, Status = ListingStatus.Submitted };
        Assert.Equal(CatalogChangeKind.NotShown, CatalogChange.OfListing(draft).What);
        Assert.True(CatalogChange.OfListing(draft).Evicts.IsNothing);
        Assert.True(CatalogChange.NewDraft.Evicts.IsNothing);

        var paused = new Listing { Id = 3, MakerId = 2, Status = ListingStatus.Paused, PublishedAt = DateTimeOffset.UnixEpoch };
        var change = CatalogChange.OfListing(paused);
        Assert.Equal(CatalogChangeKind.Listing, change.What);
        Assert.Equal([3], change.Listings);
        Assert.Equal([2], change.Makers);
        Assert.True(change.Evicts.IsEverything);
    }

    [Fact]
    public void Reviews_and_answers_evict_only_once_they_are_shown()
    {
        Assert.True(CatalogChange.Reviews(4, 1, shown: false).Evicts.IsNothing);
        Assert.True(CatalogChange.Reviews(4, 1, shown: true).Evicts.IsEverything); // ratings show on cards
        Assert.True(CatalogChange.Answers(4, shown: false).Evicts.IsNothing);
        Assert.Equal([4], CatalogChange.Answers(4, shown: true).Evicts.Listings!);
        Assert.True(CatalogChange.Maker(1).Evicts.IsEverything);
        Assert.True(CatalogChange.Organisation.Evicts.IsEverything);
    }

    [Fact]
    public void Changes_together_evict_the_union_of_their_scopes()
    {
        var scope = CatalogEvictionScope.For([CatalogChange.StockLeft(3), CatalogChange.SoldOut(7), CatalogChange.Answers(3, shown: false)]);
        Assert.Equal([3, 7], scope.Listings!);
        Assert.Equal([7], scope.Cards);
        Assert.True(CatalogEvictionScope.For([CatalogChange.StockLeft(3), CatalogChange.Everything]).IsEverything);
        Assert.True(CatalogEvictionScope.For([]).IsNothing);
    }

    [Fact]
    public void A_change_reads_back_as_it_was_written()
    {
        var text = CatalogChange.Write([CatalogChange.SoldOut(12), CatalogChange.Reviews(4, 9, shown: true), CatalogChange.Organisation]);
        Assert.Equal("SoldOut=12;Reviews=4/9;Organisation=", text);
        var read = CatalogChange.Read(text);
        Assert.Equal([CatalogChangeKind.SoldOut, CatalogChangeKind.Reviews, CatalogChangeKind.Organisation], read.Select(c => c.What));
        Assert.Equal([4], read[1].Listings);
        Assert.Equal([9], read[1].Makers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("12,c40")]
    [InlineData("Renamed=1")]
    [InlineData("3=1")]
    [InlineData("SoldOut=x")]
    [InlineData("SoldOut=1/2/3")]
    public void Anything_unreadable_reads_as_everything(string? text)
    {
        var read = Assert.Single(CatalogChange.Read(text));
        Assert.True(read.Evicts.IsEverything);
    }
}
