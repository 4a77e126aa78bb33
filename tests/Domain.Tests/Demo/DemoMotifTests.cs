using PasKreatif.Catalog;
using PasKreatif.Demo;

namespace PasKreatif.Domain.Tests.Demo;

public class DemoMotifTests
{
    [Theory]
    [InlineData(StandardCategories.Cakes, "Bolu Pandan Kukus", "1f382")]
    [InlineData(StandardCategories.FreshFish, "Ikan Nila Segar", "1f41f")]
    [InlineData(StandardCategories.Handicrafts, "Tas Anyaman Pandan", "1f45c")]
    [InlineData(StandardCategories.Sewing, "Kemeja Batik Pria", "1f455")]
    [InlineData(StandardCategories.Sewing, "Masker Kain Tiga Lapis", "1f637")] // a mask, not a layer cake
    [InlineData(StandardCategories.RecycledCrafts, "Bunga Hias dari Plastik Bekas", "1f490")]
    [InlineData(StandardCategories.RecycledCrafts, "Dompet Bungkus Kopi", "1f45b")] // a purse, not coffee
    [InlineData(StandardCategories.ProcessedFood, "Abon Ikan Tongkol", "1f96b")] // a tin, not a fish
    [InlineData(StandardCategories.Paintings, "Lukisan Pantai Senja", "1f305")]
    public void Goods_show_as_their_own_kind(string category, string title, string artwork) =>
        Assert.Equal(artwork, DemoMotifs.For(category, title).Main);

    [Fact]
    public void Every_demo_product_is_named_by_its_title_and_every_category_has_a_fallback()
    {
        foreach (var (category, products) in DemoCatalogue.Products)
        {
            Assert.NotNull(DemoMotifs.For(category, "Barang Lain"));
            Assert.All(products, p => Assert.True(DemoMotifs.ByTitle(p.Name) is not null, p.Name));
        }
        Assert.True(DemoMotifs.For(StandardCategories.Paintings, "Lukisan Sawah Terasering").Shape == MotifShape.Painting);
        Assert.True(DemoMotifs.For(StandardCategories.Sewing, "Kemeja Batik Pria").Patterned); // batik dots over the shirt
    }

    [Fact]
    public void Variants_of_one_product_are_laid_out_differently_and_stay_inside_the_picture()
    {
        var layouts = Enumerable.Range(0, 12).Select(v => DemoPicturePlan.For(StandardCategories.Cakes, "Nastar Keju", v)).ToList();
        var keys = layouts.Select(p => string.Join(";", p.Items.Select(i => $"{i.Artwork}@{i.X},{i.Y},{i.Pixels},{i.Angle:0.0}")) + p.Backdrop.Horizon).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(layouts.Select(p => p.Backdrop.Surface).Distinct().Count() > 1, "every variant on the same table");
        Assert.All(layouts.SelectMany(p => p.Items), i => Assert.True(i.X is > 0 and < DemoPictures.Size && i.Y is > 0 and < DemoPictures.Size));
        Assert.Equal(DemoPicturePlan.For(StandardCategories.Cakes, "Nastar Keju", 3), DemoPicturePlan.For(StandardCategories.Cakes, "Nastar Keju", 3), PlanComparer.Instance);
    }

    sealed class PlanComparer : IEqualityComparer<DemoPicturePlan>
    {
        public static readonly PlanComparer Instance = new();
        public bool Equals(DemoPicturePlan? a, DemoPicturePlan? b) => a!.Seed == b!.Seed && a.Items.SequenceEqual(b.Items);
        public int GetHashCode(DemoPicturePlan plan) => plan.Seed;
    }
}
