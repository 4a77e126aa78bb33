using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Workspace;

/// <summary>Changes made without signal, sent later by the phone's outbox: saved over what the maker saw, or shown as a conflict.</summary>
public class OutboxTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string Outbox = "/toko-saya/kirim-tertunda";

    async Task<(int Id, int Version, int Stock)> OwnListingAsync(string maker = "pembuat")
    {
        await using var db = factory.OpenDb();
        return await db.Listings.Where(l => l.Maker!.Person!.UserName == maker && l.Status == ListingStatus.Approved && !l.MadeToOrder && l.Stock > 2)
            .OrderBy(l => l.Id).Select(l => new ValueTuple<int, int, int>(l.Id, l.EditVersion, l.Stock)).FirstAsync();
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(ShopClient maker, string handler, Dictionary<string, string> fields)
    {
        var response = await maker.PostWithTokenAsync($"{Outbox}?handler={handler}", fields);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    static Dictionary<string, string> Stock(int id, int version, int seen, int stock) => new()
    {
        ["listing"] = id.ToString(), ["version"] = version.ToString(), ["seen"] = seen.ToString(), ["stock"] = stock.ToString(),
    };

    [Fact]
    public async Task Stock_changed_offline_is_saved_and_a_resend_changes_nothing()
    {
        var (id, version, stock) = await OwnListingAsync();
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var (status, body) = await SendAsync(maker, "Stock", Stock(id, version, stock, stock + 7));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Saved", body.GetProperty("result").GetString());
        Assert.Equal(version + 1, body.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));

        var again = await SendAsync(maker, "Stock", Stock(id, version, stock, stock + 7));
        Assert.Equal("AlreadySaved", again.Body.GetProperty("result").GetString());
        await using var db = factory.OpenDb();
        var saved = await db.Listings.SingleAsync(l => l.Id == id);
        Assert.Equal((stock + 7, version + 1), (saved.Stock, saved.EditVersion));
    }

    [Fact]
    public async Task A_listing_edited_elsewhere_since_is_a_conflict_with_the_value_kept_there()
    {
        var (id, version, stock) = await OwnListingAsync();
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        // Another phone of the same maker saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await maker.PostWithTokenAsync($"/toko-saya/produk/{id}?handler=Stock", new Dictionary<string, string> { ["stock"] = "1" })).StatusCode);

        var (status, body) = await SendAsync(maker, "Stock", Stock(id, version, stock, stock + 3));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Conflict", body.GetProperty("result").GetString());
        Assert.Equal("1", body.GetProperty("current").GetString());
        Assert.True(body.GetProperty("version").GetInt32() > version);
        await using var db = factory.OpenDb();
        Assert.Equal(1, (await db.Listings.SingleAsync(l => l.Id == id)).Stock);
    }

    [Fact]
    public async Task Stock_sold_meanwhile_makes_a_stale_change_a_conflict()
    {
        var (id, version, stock) = await OwnListingAsync();
        await using (var db = factory.OpenDb())
            Assert.True(await ListingStock.ReserveAsync(db, id, 1, factory.Services.GetRequiredService<ICatalogChanges>(), CancellationToken.None)); // a buyer's checkout, no edit version
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var (status, body) = await SendAsync(maker, "Stock", Stock(id, version, stock, stock + 2));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal((stock - 1).ToString(), body.GetProperty("current").GetString());
    }

    [Fact]
    public async Task Price_changed_offline_is_saved_and_a_bad_price_is_refused_with_its_message()
    {
        var (id, version, _) = await OwnListingAsync();
        decimal price;
        await using (var db = factory.OpenDb()) price = (await db.Listings.SingleAsync(l => l.Id == id)).Price.Amount;
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var fields = new Dictionary<string, string> { ["listing"] = id.ToString(), ["version"] = version.ToString(), ["seen"] = price.ToString("0"), ["price"] = "100" };
        var refused = await SendAsync(maker, "Price", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Rp500", refused.Body.GetProperty("message").GetString());

        fields["price"] = (price + 1000).ToString("0");
        var saved = await SendAsync(maker, "Price", fields);
        Assert.Equal("Saved", saved.Body.GetProperty("result").GetString());
        await using var after = factory.OpenDb();
        Assert.Equal(price + 1000, (await after.Listings.SingleAsync(l => l.Id == id)).Price.Amount);
    }

    [Fact]
    public async Task A_price_typed_with_thousands_dots_is_read_as_rupiah_and_a_decimal_comma_is_refused()
    {
        var (id, version, _) = await OwnListingAsync();
        decimal price;
        await using (var db = factory.OpenDb()) price = (await db.Listings.SingleAsync(l => l.Id == id)).Price.Amount;
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var fields = new Dictionary<string, string> { ["listing"] = id.ToString(), ["version"] = version.ToString(), ["seen"] = price.ToString("0"), ["price"] = "26.000,50" };
        var refused = await SendAsync(maker, "Price", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);

        fields["price"] = "Rp26.000";
        var saved = await SendAsync(maker, "Price", fields);
        Assert.Equal("Saved", saved.Body.GetProperty("result").GetString());
        await using var after = factory.OpenDb();
        Assert.Equal(26000m, (await after.Listings.SingleAsync(l => l.Id == id)).Price.Amount);
    }

    [Fact]
    public async Task Another_makers_listing_is_not_found_and_unchanged()
    {
        var (id, version, stock) = await OwnListingAsync();
        using var other = ShopClient.For(factory);
        await other.SignInAsync("pembuat2");
        var (status, _) = await SendAsync(other, "Stock", Stock(id, version, stock, 0));
        Assert.Equal(HttpStatusCode.NotFound, status);
        await using var db = factory.OpenDb();
        Assert.Equal(stock, (await db.Listings.SingleAsync(l => l.Id == id)).Stock);
    }

    [Fact]
    public async Task Signed_out_the_outbox_is_told_to_sign_in_and_nothing_changes()
    {
        var (id, version, stock) = await OwnListingAsync();
        using var visitor = ShopClient.For(factory);
        var response = await visitor.PostWithTokenAsync($"{Outbox}?handler=Stock", Stock(id, version, stock, 0));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = factory.OpenDb();
        Assert.Equal(stock, (await db.Listings.SingleAsync(l => l.Id == id)).Stock);
    }

    [Fact]
    public async Task Without_the_antiforgery_token_nothing_is_saved()
    {
        var (id, version, stock) = await OwnListingAsync();
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var response = await maker.Http.PostAsync($"{Outbox}?handler=Stock", new FormUrlEncodedContent(Stock(id, version, stock, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = factory.OpenDb();
        Assert.Equal(stock, (await db.Listings.SingleAsync(l => l.Id == id)).Stock);
    }
}
