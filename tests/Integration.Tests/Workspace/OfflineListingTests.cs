using PasKreatif.Catalog;
using PasKreatif.Domain.Tests.Media;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Workspace;

/// <summary>New listings and photos drafted without signal, sent later by the phone's outbox under its own keys.</summary>
public class OfflineListingTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string Outbox = "/toko-saya/kirim-tertunda";

    static async Task<string> TokenAsync(ShopClient maker)
    {
        var response = await maker.Http.GetAsync(Outbox + "?handler=Token");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> SendListingAsync(ShopClient maker, Guid key, Dictionary<string, string> fields)
    {
        // The phone sends what the form held: the category and programme it offered too.
        var form = await maker.GetDocumentAsync("/toko-saya/produk/baru");
        fields = new Dictionary<string, string>(fields)
        {
            ["Form.CategoryId"] = form.QuerySelector<IHtmlSelectElement>("#Form_CategoryId")!.Options[0]!.Value,
            ["Form.ProgrammeId"] = form.QuerySelector<IHtmlSelectElement>("#Form_ProgrammeId")!.Options[0]!.Value,
        };
        using var body = new MultipartFormDataContent { { new StringContent(await TokenAsync(maker)), "__RequestVerificationToken" }, { new StringContent(key.ToString()), "key" } };
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        return await ReadAsync(await maker.Http.PostAsync(Outbox + "?handler=Listing", body));
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> SendPhotoAsync(ShopClient maker, Guid key, Guid listingKey, byte[] photo, string name, string type)
    {
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new(type);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(maker)), "__RequestVerificationToken" }, { new StringContent(key.ToString()), "key" },
            { new StringContent(listingKey.ToString()), "listingKey" }, { file, "photo", name },
        };
        return await ReadAsync(await maker.Http.PostAsync(Outbox + "?handler=Photo", body));
    }

    static async Task<(HttpStatusCode, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    [Fact]
    public async Task A_draft_sent_twice_under_its_key_is_one_listing_and_its_photo_one_upload()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var key = Guid.NewGuid();
        var first = await SendListingAsync(maker, key, ListingForm("Tas rajut tanpa sinyal"));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Saved", first.Body.GetProperty("result").GetString());
        var link = first.Body.GetProperty("link").GetString()!;
        Assert.Matches("^/toko-saya/produk/\\d+$", link);

        // The answer was lost on the way; the phone sends the same draft again.
        var again = await SendListingAsync(maker, key, ListingForm("Tas rajut tanpa sinyal"));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("AlreadySaved", again.Body.GetProperty("result").GetString());
        Assert.Equal(link, again.Body.GetProperty("link").GetString());

        var photoKey = Guid.NewGuid();
        var photo = PhoneShots.Jpeg(800, 600);
        Assert.Equal("Saved", (await SendPhotoAsync(maker, photoKey, key, photo, "depan.jpg", "image/jpeg")).Body.GetProperty("result").GetString());
        Assert.Equal("AlreadySaved", (await SendPhotoAsync(maker, photoKey, key, photo, "depan.jpg", "image/jpeg")).Body.GetProperty("result").GetString());

        await using var db = factory.OpenDb();
        var listing = await db.Listings.SingleAsync(l => l.Title == "Tas rajut tanpa sinyal");
        Assert.Equal(link, $"/toko-saya/produk/{listing.Id}");
        Assert.Equal(PasKreatif.Catalog.ListingStatus.Draft, listing.Status);
        Assert.Equal(1, await db.PhotoUploads.CountAsync(u => u.ListingId == listing.Id));
    }

    [Fact]
    public async Task The_same_draft_arriving_twice_at_once_is_still_one_listing()
    {
        using var one = ShopClient.For(factory);
        using var two = ShopClient.For(factory);
        await one.SignInAsync("pembuat");
        await two.SignInAsync("pembuat");
        var key = Guid.NewGuid();
        var answers = await Task.WhenAll(SendListingAsync(one, key, ListingForm("Keset serabut kelapa")), SendListingAsync(two, key, ListingForm("Keset serabut kelapa")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Body.GetProperty("link").GetString()).Distinct());
        await using var db = factory.OpenDb();
        Assert.Equal(1, await db.Listings.CountAsync(l => l.Title == "Keset serabut kelapa"));
    }

    [Fact]
    public async Task A_photo_that_is_not_a_photo_is_refused_with_its_message_and_nothing_is_added()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var key = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await SendListingAsync(maker, key, ListingForm("Pot gantung makrame"))).Status);
        var (status, body) = await SendPhotoAsync(maker, Guid.NewGuid(), key, Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "gambar.svg", "image/svg+xml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Refused", body.GetProperty("result").GetString());
        Assert.Contains("bukan foto JPEG", body.GetProperty("message").GetString());
        Assert.Contains("Produk Anda tidak berubah", body.GetProperty("message").GetString());
        await using var db = factory.OpenDb();
        var id = await db.Listings.Where(l => l.Title == "Pot gantung makrame").Select(l => l.Id).SingleAsync();
        Assert.Equal(0, await db.PhotoUploads.CountAsync(u => u.ListingId == id));
    }

    [Fact]
    public async Task A_draft_with_empty_words_is_refused_naming_each_field_in_english_on_request()
    {
        using var maker = ShopClient.For(factory);
        maker.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await maker.SignInAsync("pembuat");
        var fields = ListingForm("");
        fields["Form.Description"] = "";
        fields["Form.Stock"] = "lima";
        var (status, body) = await SendListingAsync(maker, Guid.NewGuid(), fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var message = body.GetProperty("message").GetString()!;
        Assert.DoesNotContain("Nama", message);
        Assert.Contains("product name", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("description", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Stock:", message);
        // By field as well, so the phone puts each message beside its field when it reopens the draft.
        var errors = body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(["Form.Description", "Form.Stock", "Form.Title"], errors.Keys.Order());
        Assert.Contains("product name", errors["Form.Title"], StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Stock:", errors["Form.Stock"], StringComparison.Ordinal);
        await using var db = factory.OpenDb();
        Assert.Equal(0, await db.Listings.CountAsync(l => l.Title == ""));
    }

    [Fact]
    public async Task A_photo_for_another_makers_draft_key_is_not_found()
    {
        using var owner = ShopClient.For(factory);
        await owner.SignInAsync("pembuat");
        var key = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await SendListingAsync(owner, key, ListingForm("Gantungan kunci kayu"))).Status);
        using var other = ShopClient.For(factory);
        await other.SignInAsync("pembuat2");
        var (status, _) = await SendPhotoAsync(other, Guid.NewGuid(), key, PhoneShots.Jpeg(400, 300), "a.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Signed_out_the_outbox_answers_401_and_keeps_nothing()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var token = await TokenAsync(maker);
        using var stranger = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.Http.GetAsync(Outbox + "?handler=Token")).StatusCode);
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(Guid.NewGuid().ToString()), "key" } };
        foreach (var (name, value) in ListingForm("Tas tanpa pemilik")) body.Add(new StringContent(value), name);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.Http.PostAsync(Outbox + "?handler=Listing", body)).StatusCode);
        await using var db = factory.OpenDb();
        Assert.Equal(0, await db.Listings.CountAsync(l => l.Title == "Tas tanpa pemilik"));
    }

    [Fact]
    public async Task The_service_worker_is_served_fresh_for_the_workspace_and_the_manifest_names_the_app()
    {
        using var anyone = ShopClient.For(factory);
        var worker = await anyone.Http.GetAsync("/toko-saya/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", worker.Headers.CacheControl!.ToString());
        Assert.Equal("/toko-saya", worker.Headers.GetValues("Service-Worker-Allowed").Single());

        var manifest = await anyone.Http.GetAsync("/toko-saya/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
        var app = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("PAS Kreatif · Toko saya", app.GetProperty("name").GetString());
        Assert.Equal("/toko-saya", app.GetProperty("scope").GetString());
        Assert.Equal("/toko-saya", app.GetProperty("start_url").GetString());
        var icons = app.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable" && i.GetProperty("sizes").GetString() == "512x512");
        foreach (var icon in icons)
        {
            var png = await anyone.Http.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0]);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4))); // the PNG header's width
        }
        using var english = ShopClient.For(factory);
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var named = JsonDocument.Parse(await english.Http.GetStringAsync("/toko-saya/manifest.webmanifest")).RootElement;
        Assert.Equal("PAS Kreatif · My shop", named.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Workspace_pages_name_their_person_for_the_phones_cache_and_signing_out_clears_it()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var start = await maker.Http.GetAsync("/toko-saya");
        var key = start.Headers.GetValues("X-Workspace-Key").Single();
        var html = Parse(await start.Content.ReadAsStringAsync());
        Assert.Equal(key, html.QuerySelector("[data-outbox]")!.GetAttribute("data-key"));
        Assert.NotNull(html.QuerySelector("link[rel=manifest]"));

        using var other = ShopClient.For(factory);
        await other.SignInAsync("pembuat2");
        Assert.NotEqual(key, (await other.Http.GetAsync("/toko-saya")).Headers.GetValues("X-Workspace-Key").Single());
        // The shop's own pages carry neither the key nor the app.
        var shop = await maker.Http.GetAsync("/");
        Assert.False(shop.Headers.Contains("X-Workspace-Key"));
        Assert.Null(Parse(await shop.Content.ReadAsStringAsync()).QuerySelector("link[rel=manifest]"));

        var signedOut = await maker.SubmitAsync("/keluar", new Dictionary<string, string>());
        Assert.Equal("\"cache\", \"storage\"", signedOut.Headers.GetValues("Clear-Site-Data").Single());
        // Signed in again, the key is new: nothing the phone kept of the first session is read.
        await maker.SignInAsync("pembuat");
        Assert.NotEqual(key, (await maker.Http.GetAsync("/toko-saya")).Headers.GetValues("X-Workspace-Key").Single());
    }
}
