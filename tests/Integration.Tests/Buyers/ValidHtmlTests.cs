using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.OrderFlows;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.Buyers;

/// <summary>Every public page, as the real host renders it in both languages, passes the W3C checker (vnu) without an error.</summary>
public class ValidHtmlTests(MidtransShopFactory factory) : IClassFixture<MidtransShopFactory>
{
    [Fact]
    public async Task Public_pages_in_both_languages_have_no_HTML_errors()
    {
        var pages = new Dictionary<string, string>();
        using var visitor = ShopClient.For(factory);
        async Task FetchAsync(ShopClient client, string url, HttpStatusCode expected = HttpStatusCode.OK, string language = "id")
        {
            using var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, not {(int)expected}");
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
            pages[$"{language} {url}"] = await response.Content.ReadAsStringAsync();
        }

        var (approved, paused, soldOut, archived) = await ListingsOfEveryStateAsync();
        await using (var db = factory.OpenDb())
        {
            foreach (var slug in await db.Categories.OrderBy(c => c.Id).Select(c => c.Slug).Take(4).ToListAsync()) await FetchAsync(visitor, $"/kategori/{slug}");
            foreach (var slug in await db.Programmes.OrderBy(p => p.Id).Select(p => p.Slug).Take(3).ToListAsync()) await FetchAsync(visitor, $"/program/{slug}");
            foreach (var slug in await db.Makers.OrderBy(m => m.Id).Select(m => m.Slug).Take(3).ToListAsync()) await FetchAsync(visitor, $"/pembuat/{slug}");
        }
        foreach (var url in new[] { "/", "/kategori", "/program", "/tentang", "/cara-belanja", "/pengiriman", "/pembatalan-dan-pengembalian", "/privasi", "/syarat", "/kontak",
                     "/cari?q=tas", "/cari?q=kerajnan", "/cari?q=zzqxwv", "/cari", "/masuk", "/daftar", "/lupa-sandi", "/daftar/kirim-ulang", "/konfirmasi-email", "/keranjang" })
            await FetchAsync(visitor, url);
        foreach (var listing in approved) await FetchAsync(visitor, $"/produk/{listing.Slug}");
        await FetchAsync(visitor, $"/produk/{paused.Slug}");
        await FetchAsync(visitor, $"/produk/{soldOut.Slug}");
        await FetchAsync(visitor, $"/produk/{archived.Slug}", HttpStatusCode.Gone);
        await FetchAsync(visitor, "/produk/tidak-ada-produk-ini", HttpStatusCode.NotFound);
        await FetchAsync(visitor, $"/produk/{approved[0].Slug}/tanya");
        await FetchAsync(visitor, $"/keranjang/tambah/{approved[0].Id}");

        // A cart with goods, its checkout form, and order pages of each way of paying.
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, approved[1].Id, 1);
        await FetchAsync(buyer, "/keranjang");
        await FetchAsync(buyer, "/checkout");
        foreach (var (method, maker) in new[] { ("Qris", "pembuat"), ("BcaVirtualAccount", "pembuat2"), ("MandiriBill", "pembuat3"), ("GoPay", "pembuat4"), ("BankTransfer", "pembuat5"), ("CashOnPickup", "pembuat6") })
        {
            var order = await OrderSteps.PlaceAsync(factory, method, $"valid-{method.ToLowerInvariant()}@contoh.test", [(maker, 0, 1)], stock: 5);
            await FetchAsync(visitor, $"/pesanan/{order.PublicToken}");
        }
        await using (var db = factory.OpenDb())
        {
            var completed = await db.Orders.Where(o => o.Status == OrderStatus.Completed).OrderBy(o => o.Id).Select(o => o.PublicToken).FirstAsync();
            await FetchAsync(visitor, $"/pesanan/{completed}");
        }

        using var english = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await english.Http.GetAsync("/bahasa/en?kembali=%2F")).StatusCode);
        await Shopping.AddAsync(english, approved[2].Id, 1);
        foreach (var url in new[] { "/", "/kategori", "/program", "/tentang", "/kontak", "/privasi", "/cari?q=bag", "/cari?q=zzqxwv", "/masuk", "/daftar", "/keranjang", "/checkout",
                     $"/produk/{approved[0].Slug}", $"/produk/{paused.Slug}" })
            await FetchAsync(english, url, language: "en");
        await FetchAsync(english, $"/produk/{archived.Slug}", HttpStatusCode.Gone, "en");
        Assert.Contains("lang=\"en\"", pages["en /"]);

        Assert.True(pages.Count >= 40, $"only {pages.Count} pages");
        var problems = await HtmlChecker.CheckAsync(pages);
        Assert.True(problems.Count == 0, $"vnu found {problems.Count} errors on {pages.Count} pages:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_checker_names_the_page_and_the_error_it_finds()
    {
        var problems = await HtmlChecker.CheckAsync(new Dictionary<string, string>
        {
            ["good"] = "<!DOCTYPE html><html lang=\"id\"><head><title>Baik</title></head><body><time datetime=\"2026-02-05T08:34:00Z\">5 Feb</time></body></html>",
            ["seven digits"] = "<!DOCTYPE html><html lang=\"id\"><head><title>Buruk</title></head><body><time datetime=\"2026-02-05T08:34:00.0000000Z\">5 Feb</time></body></html>",
        });
        var problem = Assert.Single(problems);
        Assert.Equal("seven digits", problem.Page);
        Assert.Contains("fraction of a second", problem.Message);
    }

    /// <summary>Four listings on sale (of different makers), one paused, one sold out, one archived.</summary>
    async Task<(List<Listing> Approved, Listing Paused, Listing SoldOut, Listing Archived)> ListingsOfEveryStateAsync()
    {
        await using var db = factory.OpenDb();
        var listings = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Stock > 0).OrderBy(l => l.MakerId).ThenByDescending(l => l.Id).ToListAsync();
        var approved = listings.GroupBy(l => l.MakerId).Select(g => g.First()).Take(4).ToList();
        var rest = listings.Except(approved).Take(3).ToList();
        await db.Listings.Where(l => l.Id == rest[0].Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, ListingStatus.Paused));
        await db.Listings.Where(l => l.Id == rest[1].Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, 0).SetProperty(l => l.MadeToOrder, false));
        await db.Listings.Where(l => l.Id == rest[2].Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, ListingStatus.Archived));
        return (approved, rest[0], rest[1], rest[2]);
    }
}
