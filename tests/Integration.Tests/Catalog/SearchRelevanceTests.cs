using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>A catalogue of goods the programmes make, beside the tiny demo tier, for the relevance cases.</summary>
public sealed class RelevanceFactory : CatalogFactory
{
    Task? seeded;

    public Task SeedAsync() => seeded ??= SeedOnceAsync();

    async Task SeedOnceAsync()
    {
        foreach (var (title, category, description) in SearchRelevanceTests.Goods)
            await AddListingAsync(title, 50_000, category, description: description);
    }
}

/// <summary>
/// Queries as buyers type them (Indonesian and English, typos, suffixes, reduplicated plurals), each
/// with the goods that must be among the first five results.
/// </summary>
public class SearchRelevanceTests(RelevanceFactory factory) : IClassFixture<RelevanceFactory>
{
    internal static readonly (string Title, string Category, string Description)[] Goods =
    [
        ("Kue Nastar Nanas Premium", StandardCategories.Cakes, "Nastar lembut isi selai nanas, dipanggang tiap pagi."),
        ("Bolu Pandan Kukus", StandardCategories.Cakes, "Bolu hijau wangi daun pandan."),
        ("Brownies Panggang Cokelat", StandardCategories.Cakes, "Brownies cokelat pekat. Rich chocolate brownies."),
        ("Keripik Singkong Balado", StandardCategories.ProcessedFood, "Keripik renyah berbumbu balado."),
        ("Kopi Bubuk Robusta Lampung", StandardCategories.ProcessedFood, "Kopi robusta dari kebun kelompok di Lampung."),
        ("Sambal Roa Botol", StandardCategories.ProcessedFood, "Sambal roa pedas dalam botol kaca. Spicy chilli sauce."),
        ("Madu Hutan Murni", StandardCategories.ProcessedFood, "Madu hutan asli dari Lombok. Pure forest honey."),
        ("Ikan Nila Segar", StandardCategories.FreshFish, "Ikan nila segar dari kolam kelompok. Fresh tilapia."),
        ("Ikan Kerapu Hidup", StandardCategories.FreshFish, "Kerapu dari keramba laut."),
        ("Tas Belanja Daur Ulang Plastik", StandardCategories.RecycledCrafts, "Tas belanja dari plastik bekas. A sturdy recycled shopping bag."),
        ("Bunga Hias dari Plastik Bekas", StandardCategories.RecycledCrafts, "Rangkaian bunga untuk meja tamu."),
        ("Dompet Bungkus Kopi", StandardCategories.RecycledCrafts, "Dompet kecil dari bungkus kopi sachet."),
        ("Tas Anyaman Pandan", StandardCategories.Handicrafts, "Dianyam tangan dari daun pandan. Woven pandan leaf bag."),
        ("Gelang Manik-manik Warna", StandardCategories.Handicrafts, "Gelang dari manik kaca warna-warni."),
        ("Kerajinan Tangan Ukiran Kayu Jati", StandardCategories.Handicrafts, "Hiasan dinding ukiran kayu jati."),
        ("Kemeja Batik Pria Lengan Panjang", StandardCategories.Sewing, "Kemeja batik tulis. Men's batik shirt with long sleeves."),
        ("Daster Katun Motif Bunga", StandardCategories.Sewing, "Daster adem dari katun."),
        ("Sarung Bantal Tenun Tapis", StandardCategories.Sewing, "Sarung bantal bermotif tapis Lampung."),
        ("Parsel Lebaran Kue Kering", StandardCategories.Hampers, "Parsel berisi kue-kue kering pilihan."),
        ("Dupa Harum Cendana", StandardCategories.Hampers, "Dupa wangi kayu cendana untuk upacara."),
        ("Lukisan Penari Bali", StandardCategories.Paintings, "Penari legong di atas kanvas. A painting of a Balinese dancer."),
        ("Lukisan Pantai Senja", StandardCategories.Paintings, "Pantai saat senja. A sunset over the beach, acrylic on canvas."),
        ("Pagar Besi Minimalis", StandardCategories.Welding, "Pagar besi dibuatkan sesuai ukuran rumah. Minimalist iron fence, made to order."),
        ("Rak Besi Serbaguna", StandardCategories.Welding, "Rak besi tiga susun."),
    ];

    public static TheoryData<string, string[]> Cases => new()
    {
        // As typed
        { "nastar", ["Kue Nastar Nanas Premium"] },
        { "bolu pandan", ["Bolu Pandan Kukus"] },
        { "keripik singkong", ["Keripik Singkong Balado"] },
        { "kopi robusta lampung", ["Kopi Bubuk Robusta Lampung"] },
        { "ikan nila", ["Ikan Nila Segar"] },
        { "kerapu", ["Ikan Kerapu Hidup"] },
        { "tas anyaman", ["Tas Anyaman Pandan"] },
        { "kemeja batik", ["Kemeja Batik Pria Lengan Panjang"] },
        { "lukisan bali", ["Lukisan Penari Bali"] },
        { "pagar besi", ["Pagar Besi Minimalis"] },
        { "dupa cendana", ["Dupa Harum Cendana"] },
        { "parsel lebaran", ["Parsel Lebaran Kue Kering"] },
        { "madu", ["Madu Hutan Murni"] },
        { "kerajinan", ["Kerajinan Tangan Ukiran Kayu Jati"] },
        { "Sarung Bantal Tapis", ["Sarung Bantal Tenun Tapis"] },
        // Typing mistakes
        { "nastr", ["Kue Nastar Nanas Premium"] },
        { "kerajnan", ["Kerajinan Tangan Ukiran Kayu Jati"] },
        { "kerajnan tangan", ["Kerajinan Tangan Ukiran Kayu Jati"] },
        { "brwnies", ["Brownies Panggang Cokelat"] },
        { "keripk singkong", ["Keripik Singkong Balado"] },
        { "lukisn pantai", ["Lukisan Pantai Senja"] },
        { "sambel roa", ["Sambal Roa Botol"] },
        { "daser katun", ["Daster Katun Motif Bunga"] },
        { "gelang manik", ["Gelang Manik-manik Warna"] },
        { "kopii lampung", ["Kopi Bubuk Robusta Lampung"] },
        { "pagar bsi", ["Pagar Besi Minimalis"] },
        { "cendan", ["Dupa Harum Cendana"] },
        // Suffixes and prefixes
        { "lukisannya penari", ["Lukisan Penari Bali"] },
        { "tasnya pandan", ["Tas Anyaman Pandan"] },
        { "menganyam tas", ["Tas Anyaman Pandan"] },
        { "kopinya lampung", ["Kopi Bubuk Robusta Lampung"] },
        { "hiasan bunga plastik", ["Bunga Hias dari Plastik Bekas"] },
        { "ukirannya jati", ["Kerajinan Tangan Ukiran Kayu Jati"] },
        { "pagar dibuatkan", ["Pagar Besi Minimalis"] },
        // Reduplicated plurals
        { "kue-kue kering", ["Parsel Lebaran Kue Kering"] },
        { "manik-manik", ["Gelang Manik-manik Warna"] },
        // English
        { "honey", ["Madu Hutan Murni"] },
        { "forest honey", ["Madu Hutan Murni"] },
        { "bali painting", ["Lukisan Penari Bali"] },
        { "recycled bag", ["Tas Belanja Daur Ulang Plastik"] },
        { "sunset beach painting", ["Lukisan Pantai Senja"] },
        { "woven bag", ["Tas Anyaman Pandan"] },
        { "iron fence", ["Pagar Besi Minimalis"] },
        { "batik shirts", ["Kemeja Batik Pria Lengan Panjang"] },
        { "chilli sauce", ["Sambal Roa Botol"] },
        { "fresh tilapia", ["Ikan Nila Segar"] },
        { "nastar cakes", ["Kue Nastar Nanas Premium"] },
        { "honney", ["Madu Hutan Murni"] },
        // A word being typed
        { "brown", ["Brownies Panggang Cokelat"] },
        { "kera", ["Ikan Kerapu Hidup"] },
    };

    async Task<SearchResult> SearchAsync(string query)
    {
        await factory.SeedAsync();
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogSearch>().SearchAsync(query);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Expected_goods_are_in_the_first_five(string query, string[] expected)
    {
        var result = await SearchAsync(query);
        var firstFive = result.Hits.Take(5).Select(h => h.Card.Title).ToList();
        foreach (var title in expected)
            Assert.True(firstFive.Contains(title), $"“{query}”: {title} not in the first five: {string.Join(" | ", firstFive)}");
    }

    [Fact]
    public async Task Kerajnan_finds_handicrafts_not_fish()
    {
        var result = await SearchAsync("kerajnan");
        await using var db = factory.OpenDb();
        var ids = result.Hits.Take(10).Select(h => h.Card.Id).ToList();
        var categories = await db.Listings.Where(l => ids.Contains(l.Id)).Select(l => l.Category!.Slug).Distinct().ToListAsync();
        Assert.NotEmpty(categories);
        Assert.DoesNotContain(StandardCategories.FreshFish, categories);
        Assert.All(categories, c => Assert.Contains(c, new[] { StandardCategories.Handicrafts, StandardCategories.RecycledCrafts }));
    }

    [Fact]
    public async Task A_suffixed_word_found_by_its_stem_needs_no_correction()
    {
        // "lukisannya" is in no title as typed; its stem is, so the goods count as matched, not corrected.
        var result = await SearchAsync("lukisannya");
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits.Take(5), h => Assert.StartsWith("Lukisan", h.Card.Title));
        Assert.Null(result.DidYouMean);
    }

    [Fact]
    public async Task A_typo_that_only_a_correction_finds_offers_the_corrected_words()
    {
        var result = await SearchAsync("lukisn pantai");
        Assert.Equal("lukisan pantai", result.DidYouMean);
        Assert.True(result.Total >= 1);
    }

    [Fact]
    public async Task The_count_covers_every_page()
    {
        await factory.SeedAsync();
        await using var db = factory.OpenDb();
        var besi = await db.Listings.CountAsync(l => l.Status == ListingStatus.Approved && (l.Title.ToLower().Contains("besi") || l.Description.ToLower().Contains("besi")));
        var result = await SearchAsync("besi");
        Assert.Equal(besi, result.Total);
    }
}
