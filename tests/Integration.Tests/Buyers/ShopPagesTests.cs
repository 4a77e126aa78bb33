using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Buyers;

/// <summary>The shop with its own contact configured, as an operator would set it.</summary>
public class ContactShopFactory : CatalogFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Shop:Contact:Email", "layanan@toko-uji.test");
        builder.UseSetting("Shop:Contact:Phone", "0274 555 0123");
        builder.UseSetting("Shop:Contact:WhatsApp", "0812 9999 0001");
        builder.UseSetting("Shop:Contact:Address", "Jl. Uji Coba No. 1, Yogyakarta");
    }
}

public class ShopPagesTests(ContactShopFactory factory) : IClassFixture<ContactShopFactory>
{
    static readonly string[] Pages = ["/tentang", "/cara-belanja", "/pengiriman", "/pembatalan-dan-pengembalian", "/privasi", "/syarat", "/kontak"];

    [Fact]
    public async Task Every_page_a_shop_has_is_linked_from_the_footer_in_both_languages()
    {
        foreach (var language in new[] { "id", "en" })
        {
            using var visitor = ShopClient.For(factory);
            visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var home = await visitor.GetDocumentAsync("/");
            var footer = home.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToHashSet();
            var titles = new HashSet<string>();
            foreach (var path in Pages.Concat(["/kategori", "/program"]))
            {
                Assert.Contains(path, footer);
                var page = await visitor.GetDocumentAsync(path);
                Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
                var title = page.QuerySelector("main h1")!.TextContent.Trim();
                Assert.True(titles.Add(title), $"{path} repeats the title {title}");
                if (Pages.Contains(path)) Assert.True(page.QuerySelectorAll("main p").Length >= 2, $"{path} says too little");
            }
        }
        using var id = ShopClient.For(factory);
        Assert.Equal("Tentang PAS Kreatif", (await id.GetDocumentAsync("/tentang")).QuerySelector("main h1")!.TextContent.Trim());
        var about = (await id.GetDocumentAsync("/tentang")).QuerySelector("main")!.TextContent;
        Assert.Contains("Pokmas Lipas", about);
        Assert.Contains("klien pemasyarakatan", about);
        Assert.Contains("kemandirian", about, StringComparison.OrdinalIgnoreCase);
        var privacy = (await id.GetDocumentAsync("/privasi")).QuerySelector("main")!.TextContent;
        foreach (var told in new[] { "Yang kami simpan", "Berapa lama", "Hapus akun saya", "UU PDP" }) Assert.Contains(told, privacy);
    }

    [Fact]
    public async Task The_contact_page_gives_the_shops_own_contact_and_never_a_makers()
    {
        using var visitor = ShopClient.For(factory);
        var page = await visitor.GetDocumentAsync("/kontak");
        var card = page.QuerySelector(".contact-card")!;
        Assert.NotNull(card.QuerySelector("a[href='mailto:layanan@toko-uji.test']"));
        Assert.Contains("0274 555 0123", card.TextContent);
        Assert.Contains("Jl. Uji Coba No. 1", card.TextContent);
        Assert.NotNull(card.QuerySelector("a[href='https://wa.me/6281299990001']"));
        await using var db = factory.OpenDb();
        var html = page.DocumentElement.OuterHtml;
        foreach (var maker in await db.Makers.Select(m => new { m.Phone, m.Person!.Email }).ToListAsync())
        {
            if (!string.IsNullOrEmpty(maker.Phone)) Assert.DoesNotContain(maker.Phone, html);
            if (!string.IsNullOrEmpty(maker.Email)) Assert.DoesNotContain(maker.Email, html);
        }
    }

    [Fact]
    public async Task The_directories_list_every_programme_with_its_makers_and_sales_and_every_category()
    {
        await using var db = factory.OpenDb();
        var programmes = await db.Programmes.Select(p => new
        {
            p.Slug, Makers = db.Set<MakerProgramme>().Count(m => m.ProgrammeId == p.Id), Sold = db.Set<Listing>().Where(l => l.ProgrammeId == p.Id).Sum(l => l.UnitsSold),
        }).ToListAsync();
        using var visitor = ShopClient.For(factory);
        var list = await visitor.GetDocumentAsync("/program");
        foreach (var p in programmes)
        {
            var entry = list.QuerySelector($"a[href='/program/{p.Slug}']")?.ParentElement;
            Assert.NotNull(entry);
            Assert.Contains($"{p.Makers} pembuat", entry!.TextContent);
            Assert.Contains($"{p.Sold} terjual", entry.TextContent);
        }
        var categories = await db.Categories.Select(c => c.Slug).ToListAsync();
        var kategori = await visitor.GetDocumentAsync("/kategori");
        Assert.All(categories, slug => Assert.NotNull(kategori.QuerySelector($"main a[href='/kategori/{slug}']")));
    }

    [Fact]
    public async Task An_old_link_to_a_paused_archived_or_sold_out_product_says_so_and_offers_similar_goods()
    {
        var paused = await factory.AddListingAsync("Tas Anyaman Dijeda", 75_000, StandardCategories.Handicrafts, l => l.Status = ListingStatus.Paused);
        var archived = await factory.AddListingAsync("Tas Anyaman Diarsipkan", 75_000, StandardCategories.Handicrafts, l => l.Status = ListingStatus.Archived);
        var soldOut = await factory.AddListingAsync("Tas Anyaman Habis", 75_000, StandardCategories.Handicrafts, l => l.Stock = 0);
        var draft = await factory.AddListingAsync("Tas Anyaman Draf", 75_000, StandardCategories.Handicrafts, l => { l.Status = ListingStatus.Draft; l.PublishedAt = null; });
        var similar = await factory.AddListingAsync("Tas Anyaman Tersedia", 80_000, StandardCategories.Handicrafts, l => l.Stock = 4);
        using var visitor = ShopClient.For(factory);

        var pausedPage = await visitor.GetDocumentAsync($"/produk/{paused.Slug}");
        Assert.Contains("Tidak tersedia lagi", pausedPage.QuerySelector("#unavailable-notice")!.TextContent);
        Assert.Contains("Tas Anyaman Dijeda", pausedPage.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(pausedPage.QuerySelector($".card-grid a[href='/produk/{similar.Slug}']"));
        Assert.Null(pausedPage.QuerySelector("form.quick-add[action$='/" + paused.Id + "']"));
        Assert.Equal("noindex", pausedPage.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var archivedPage = await visitor.GetDocumentAsync($"/produk/{archived.Slug}", HttpStatusCode.Gone);
        Assert.Contains("sudah tidak dijual lagi", archivedPage.QuerySelector("#unavailable-notice")!.TextContent);
        Assert.NotNull(archivedPage.QuerySelector($".card-grid a[href='/produk/{similar.Slug}']"));

        var soldOutPage = await visitor.GetDocumentAsync($"/produk/{soldOut.Slug}");
        Assert.Contains("sudah habis", soldOutPage.QuerySelector("#unavailable-notice")!.TextContent);
        Assert.NotNull(soldOutPage.QuerySelector($"section[aria-labelledby=similar-heading] a[href='/produk/{similar.Slug}']"));
        Assert.Null(soldOutPage.QuerySelector($"section[aria-labelledby=similar-heading] a[href='/produk/{soldOut.Slug}']"));

        await visitor.GetDocumentAsync($"/produk/{draft.Slug}", HttpStatusCode.NotFound);
        await visitor.GetDocumentAsync("/produk/tidak-pernah-ada", HttpStatusCode.NotFound);
    }
}
