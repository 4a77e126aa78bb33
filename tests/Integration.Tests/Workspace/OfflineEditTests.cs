using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Domain.Tests.Media;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Workspace;

/// <summary>An existing listing's form edited without signal, sent later by the phone's outbox: saved once, or shown as a conflict.</summary>
public class OfflineEditTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string Outbox = "/toko-saya/kirim-tertunda";

    // A listing without a revision waiting for review, the first ones approved; tests read it afresh, so sharing one is safe.
    async Task<(int Id, int Version, ListingDraft Shown)> ListingAsync(int skip)
    {
        await using var db = factory.OpenDb();
        var fit = db.Listings.Include(l => l.Revisions)
            .Where(l => l.Maker!.Person!.UserName == "pembuat" && l.Status != ListingStatus.Archived && l.Status != ListingStatus.Submitted && !l.MadeToOrder && l.Stock > 2
                && !l.Revisions.Any(r => r.Status == RevisionStatus.Submitted))
            ;
        var listing = await fit.OrderBy(l => l.Status != ListingStatus.Approved).ThenBy(l => l.Id).Skip(skip % await fit.CountAsync()).FirstAsync();
        return (listing.Id, listing.EditVersion, OfflineEdit.Shown(listing));
    }

    async Task<(int Version, ListingDraft Shown, int Revisions)> NowAsync(int id)
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Include(l => l.Revisions).SingleAsync(l => l.Id == id);
        return (listing.EditVersion, OfflineEdit.Shown(listing), listing.Revisions.Count);
    }

    static Dictionary<string, string> Form(string prefix, ListingDraft d) => new()
    {
        [prefix + ".Title"] = d.Title, [prefix + ".Description"] = d.Description,
        [prefix + ".CategoryId"] = d.CategoryId.ToString(CultureInfo.InvariantCulture), [prefix + ".ProgrammeId"] = d.ProgrammeId.ToString(CultureInfo.InvariantCulture),
        [prefix + ".Price"] = d.Price.ToString("0", CultureInfo.InvariantCulture), [prefix + ".MadeToOrder"] = d.MadeToOrder ? "true" : "false",
        [prefix + ".Stock"] = d.Stock.ToString(CultureInfo.InvariantCulture), [prefix + ".LeadTimeDays"] = d.LeadTimeDays.ToString(CultureInfo.InvariantCulture),
        [prefix + ".WeightGrams"] = d.WeightGrams.ToString(CultureInfo.InvariantCulture),
        [prefix + ".Pickup"] = d.Delivery.HasFlag(DeliveryOptions.Pickup) ? "true" : "false",
        [prefix + ".LocalDelivery"] = d.Delivery.HasFlag(DeliveryOptions.LocalDelivery) ? "true" : "false",
        [prefix + ".Shipping"] = d.Delivery.HasFlag(DeliveryOptions.Shipping) ? "true" : "false",
    };

    static async Task<(HttpStatusCode Status, JsonElement Body)> EditAsync(ShopClient maker, Guid key, int id, int version, ListingDraft seen, ListingDraft wanted)
    {
        var fields = Form("Seen", seen).Concat(Form("Form", wanted)).ToDictionary();
        (fields["key"], fields["listing"], fields["version"]) = (key.ToString(), id.ToString(CultureInfo.InvariantCulture), version.ToString(CultureInfo.InvariantCulture));
        return await ReadAsync(await maker.PostWithTokenAsync($"{Outbox}?handler=Edit", fields));
    }

    static async Task<(HttpStatusCode, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    async Task<ShopClient> MakerAsync(string name = "pembuat")
    {
        var maker = ShopClient.For(factory);
        await maker.SignInAsync(name);
        return maker;
    }

    [Fact]
    public async Task Words_edited_offline_are_saved_once_by_their_key_even_when_resent_after_another_change()
    {
        var (id, version, shown) = await ListingAsync(0);
        using var maker = await MakerAsync();
        var key = Guid.NewGuid();
        var wanted = shown with { Title = "Tas pandan ukuran besar", Description = "Dianyam tangan, kini dengan tali kulit sapi." };
        var (status, body) = await EditAsync(maker, key, id, version, shown, wanted);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Saved", body.GetProperty("result").GetString());
        Assert.Equal("Perubahan produk tersimpan.", body.GetProperty("message").GetString());
        var saved = await NowAsync(id);
        // An approved listing's words wait for review in a revision, as from the online editor.
        Assert.Equal((wanted.Title, wanted.Description, 1), (saved.Shown.Title, saved.Shown.Description, saved.Revisions));

        // The answer was lost; meanwhile the stock moved on another phone; the phone sends the same edit again.
        Assert.Equal(HttpStatusCode.Redirect, (await maker.PostWithTokenAsync($"/toko-saya/produk/{id}?handler=Stock", new Dictionary<string, string> { ["stock"] = "2" })).StatusCode);
        var again = await EditAsync(maker, key, id, version, shown, wanted);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("AlreadySaved", again.Body.GetProperty("result").GetString());
        var after = await NowAsync(id);
        Assert.Equal((2, 1), (after.Shown.Stock, after.Revisions));
        await using var db = factory.OpenDb();
        Assert.Equal(1, await db.OfflineEditReceipts.CountAsync(r => r.Key == key));
    }

    [Fact]
    public async Task Words_changed_elsewhere_since_are_a_conflict_shown_field_by_field_and_keeping_mine_saves_over_them()
    {
        var (id, version, shown) = await ListingAsync(1);
        using var maker = await MakerAsync();
        // Another phone saves new words first, through the online editor.
        var elsewhere = shown with { Title = "Tas pandan (dari ponsel lain)" };
        var online = Form("Form", elsewhere);
        Assert.Equal(HttpStatusCode.Redirect, (await maker.SubmitAsync($"/toko-saya/produk/{id}/ubah", online)).StatusCode);
        var before = await NowAsync(id);

        var key = Guid.NewGuid();
        var mine = shown with { Title = "Tas pandan untuk ke pasar", Price = shown.Price + 5000 };
        var (status, body) = await EditAsync(maker, key, id, version, shown, mine);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Conflict", body.GetProperty("result").GetString());
        var conflicts = body.GetProperty("conflicts").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(["Title", "Price"], conflicts.Keys);
        Assert.Equal(("Nama produk", "Tas pandan untuk ke pasar", "Tas pandan (dari ponsel lain)"),
            (conflicts["Title"].GetProperty("label").GetString(), conflicts["Title"].GetProperty("mine").GetString(), conflicts["Title"].GetProperty("theirs").GetString()));
        Assert.Equal(Money.Of(mine.Price).ToString(), conflicts["Price"].GetProperty("mine").GetString());
        Assert.Equal(before, await NowAsync(id)); // never silently overwritten

        // The maker keeps theirs: sent again over the shop's form now, with the merged values the answer gave.
        var current = body.GetProperty("current").EnumerateObject().ToDictionary(p => p.Name["Form.".Length..], p => p.Value.GetString()!);
        var merged = body.GetProperty("merged").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var fields = current.ToDictionary(p => "Seen." + p.Key, p => p.Value).Concat(merged).ToDictionary();
        (fields["key"], fields["listing"], fields["version"]) = (key.ToString(), id.ToString(CultureInfo.InvariantCulture), body.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture));
        var kept = await ReadAsync(await maker.PostWithTokenAsync($"{Outbox}?handler=Edit", fields));
        Assert.Equal("Saved", kept.Item2.GetProperty("result").GetString());
        var after = await NowAsync(id);
        Assert.Equal((mine.Title, Money.Of(mine.Price).Amount), (after.Shown.Title, after.Shown.Price));
    }

    [Fact]
    public async Task A_sale_meanwhile_is_not_a_conflict_for_words_and_the_sold_stock_is_not_put_back()
    {
        var (id, version, shown) = await ListingAsync(2);
        await using (var db = factory.OpenDb())
            Assert.True(await ListingStock.ReserveAsync(db, id, 1, factory.Services.GetRequiredService<ICatalogChanges>(), CancellationToken.None)); // a buyer's checkout
        using var maker = await MakerAsync();
        var (status, body) = await EditAsync(maker, Guid.NewGuid(), id, version, shown, shown with { Description = "Dianyam rapat, tahan air hujan ringan." });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Saved", body.GetProperty("result").GetString());
        var after = await NowAsync(id);
        Assert.Equal((shown.Stock - 1, "Dianyam rapat, tahan air hujan ringan."), (after.Shown.Stock, after.Shown.Description));
    }

    [Fact]
    public async Task A_refused_edit_names_its_fields_keeps_nothing_and_the_corrected_one_under_the_same_key_is_saved()
    {
        var (id, version, shown) = await ListingAsync(3);
        using var maker = await MakerAsync();
        var key = Guid.NewGuid();
        var (status, body) = await EditAsync(maker, key, id, version, shown, shown with { Title = "", WeightGrams = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Refused", body.GetProperty("result").GetString());
        var errors = body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Contains("Nama produk", errors["Form.Title"]);
        Assert.Contains("Form.WeightGrams", errors.Keys);
        Assert.Equal(version, (await NowAsync(id)).Version);
        await using (var db = factory.OpenDb())
            Assert.Equal(0, await db.OfflineEditReceipts.CountAsync(r => r.Key == key));

        var corrected = await EditAsync(maker, key, id, version, shown, shown with { Title = "Tas pandan diperbaiki" });
        Assert.Equal("Saved", corrected.Body.GetProperty("result").GetString());
        Assert.Equal("Tas pandan diperbaiki", (await NowAsync(id)).Shown.Title);
    }

    [Fact]
    public async Task A_photo_added_offline_to_an_existing_listing_goes_through_the_photo_pipeline_once_and_a_refused_one_says_why()
    {
        var (id, _, _) = await ListingAsync(4);
        using var maker = await MakerAsync();
        var key = Guid.NewGuid();
        var photo = PhoneShots.Jpeg(800, 600);
        Assert.Equal("Saved", (await PhotoAsync(maker, key, id, photo, "samping.jpg", "image/jpeg")).Body.GetProperty("result").GetString());
        Assert.Equal("AlreadySaved", (await PhotoAsync(maker, key, id, photo, "samping.jpg", "image/jpeg")).Body.GetProperty("result").GetString());
        var (status, body) = await PhotoAsync(maker, Guid.NewGuid(), id, "bukan foto"u8.ToArray(), "catatan.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Produk Anda tidak berubah", body.GetProperty("message").GetString());
        await using var db = factory.OpenDb();
        var upload = OfflineListing.UploadId(await db.Listings.Where(l => l.Id == id).Select(l => l.MakerId).SingleAsync(), key);
        Assert.Equal(1, await db.PhotoUploads.CountAsync(u => u.ListingId == id && u.Id == upload));
    }

    [Fact]
    public async Task Another_makers_listing_is_not_found_and_unchanged()
    {
        var (id, version, shown) = await ListingAsync(5);
        using var other = await MakerAsync("pembuat2");
        var (status, _) = await EditAsync(other, Guid.NewGuid(), id, version, shown, shown with { Title = "Bukan milik saya" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(shown, (await NowAsync(id)).Shown);
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> PhotoAsync(ShopClient maker, Guid key, int listing, byte[] photo, string name, string type)
    {
        var token = JsonDocument.Parse(await (await maker.Http.GetAsync(Outbox + "?handler=Token")).Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new(type);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(key.ToString()), "key" },
            { new StringContent(listing.ToString(CultureInfo.InvariantCulture)), "listing" }, { file, "photo", name },
        };
        return await ReadAsync(await maker.Http.PostAsync(Outbox + "?handler=Photo", body));
    }

    [Fact]
    public async Task Receipts_past_their_keeping_are_forgotten_each_night_and_the_same_edit_sent_after_that_changes_nothing()
    {
        var (id, version, shown) = await ListingAsync(3);
        using var maker = await MakerAsync();
        var key = Guid.NewGuid();
        var wanted = shown with { Description = shown.Description + " Dijahit rapi." };
        Assert.Equal("Saved", (await EditAsync(maker, key, id, version, shown, wanted)).Body.GetProperty("result").GetString());
        var saved = await NowAsync(id);
        int makerId;
        var (old, young) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = factory.OpenDb())
        {
            makerId = await db.OfflineEditReceipts.Where(r => r.Key == key).Select(r => r.MakerId).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            db.OfflineEditReceipts.Add(OfflineEditReceipt.For(makerId, old, id, now - OfflineEditReceipt.KeptFor - TimeSpan.FromHours(1)));
            db.OfflineEditReceipts.Add(OfflineEditReceipt.For(makerId, young, id, now - OfflineEditReceipt.KeptFor + TimeSpan.FromHours(1)));
            await db.SaveChangesAsync();
        }
        Assert.Contains(factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection().GetRecurringJobs(), j => j.Id == OfflineEditReceiptExpiry.Id);

        Assert.True(await factory.WithScopeAsync(s => s.GetRequiredService<OfflineEditReceiptExpiry>().RunAsync(CancellationToken.None)) >= 1);
        await using (var db = factory.OpenDb())
        {
            var kept = await db.OfflineEditReceipts.Where(r => r.MakerId == makerId && (r.Key == key || r.Key == old || r.Key == young)).Select(r => r.Key).ToListAsync();
            Assert.Equal(new[] { key, young }.Order(), kept.Order());
            db.OfflineEditReceipts.RemoveRange(db.OfflineEditReceipts.Where(r => r.Key == key));
            await db.SaveChangesAsync();
        }
        // Its receipt gone, the same edit sent again finds its words already shown: nothing is saved twice.
        var again = await EditAsync(maker, key, id, version, shown, wanted);
        Assert.Equal("AlreadySaved", again.Body.GetProperty("result").GetString());
        Assert.Equal(saved, await NowAsync(id));
    }
}
