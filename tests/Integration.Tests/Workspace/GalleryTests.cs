using PasKreatif.Domain.Tests.Media;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Workspace;

public class GalleryTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_live_listing_with_a_pending_edit_shows_its_photos_and_keeps_one()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Tas rajut daur ulang");
        var page = $"/toko-saya/produk/{id}";
        await AddPhotoAsync(maker, id, PhoneShots.Jpeg(640, 480));
        await ActAsync(maker, page, "Submit");
        await DecideAsync(factory, id, (l, who, now) => l.Approve(who, now));

        // An edit of the words opens a revision without photos of its own: the public ones still show.
        Assert.Equal(HttpStatusCode.Redirect, (await maker.SubmitAsync($"{page}/ubah", ListingForm("Tas rajut daur ulang biru"))).StatusCode);
        var html = await TextOfAsync(maker, page);
        Assert.DoesNotContain("Belum ada foto", html);
        Assert.Contains("Foto (1 dari 8)", html);
        Assert.Single(Parse(html).QuerySelectorAll(".workspace-photo img"));

        // Removing the only photo would put the listing on sale without one: refused with a reason.
        var photoId = Parse(html).QuerySelector(".workspace-photo")!.GetAttribute("data-photo")!;
        await ActAsync(maker, page, "RemovePhoto", new Dictionary<string, string> { ["photoId"] = photoId });
        html = await TextOfAsync(maker, page);
        Assert.Contains("paling sedikit satu foto", html);
        Assert.Single(Parse(html).QuerySelectorAll(".workspace-photo img"));
    }

    [Fact]
    public async Task The_cover_is_chosen_with_one_tap_and_the_others_keep_their_order()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Lukisan sawah");
        foreach (var width in new[] { 500, 600, 700 }) await AddPhotoAsync(maker, id, PhoneShots.Jpeg(width, 400));
        var page = $"/toko-saya/produk/{id}";
        var before = await PhotoOrderAsync(id);

        var doc = await maker.GetDocumentAsync(page);
        Assert.Contains("Sampul", doc.QuerySelectorAll(".workspace-photo")[0].TextContent);
        var third = doc.QuerySelectorAll(".workspace-photo")[2];
        var form = third.QuerySelector<IHtmlFormElement>("form[action$='handler=CoverPhoto']")!;
        Assert.Equal("Jadikan sampul: foto 3", form.QuerySelector("button")!.GetAttribute("aria-label"));
        var response = await maker.PostFormAsync(form, page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal([before[2], before[0], before[1]], await PhotoOrderAsync(id));
        Assert.Contains("Foto sampul diganti", await TextOfAsync(maker, page));
    }

    [Fact]
    public async Task The_upload_script_gets_each_refusal_in_words_not_a_redirect()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Kue nastar toples");

        var svg = await UploadAsJsonAsync(maker, id, Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "a.svg", "image/svg+xml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, svg.StatusCode);
        var refusal = JsonDocument.Parse(await svg.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("NotAPhoto", refusal.GetProperty("problem").GetString());
        Assert.Contains("bukan foto JPEG", refusal.GetProperty("message").GetString());
        Assert.Contains("Produk Anda tidak berubah", refusal.GetProperty("message").GetString());

        var huge = await UploadAsJsonAsync(maker, id, PhoneShots.Png(10_000, 6_000), "besar.png", "image/png");
        Assert.Contains("50 megapiksel", JsonDocument.Parse(await huge.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());

        // A damaged file passes the header check; the job refuses it and the state says why.
        var whole = PhoneShots.Jpeg(1200, 900);
        var cut = await UploadAsJsonAsync(maker, id, whole[..(whole.Length / 2)], "potong.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        var started = JsonDocument.Parse(await cut.Content.ReadAsStringAsync()).RootElement;
        var stateUrl = started.GetProperty("state").GetString()!;
        await RunUploadJobAsync(factory, started.GetProperty("id").GetGuid());
        var state = JsonDocument.Parse(await TextOfAsync(maker, stateUrl)).RootElement;
        Assert.Equal("Refused", state.GetProperty("state").GetString());
        Assert.True(state.GetProperty("finished").GetBoolean());
        Assert.Contains("terpotong", state.GetProperty("message").GetString());

        // The same photo whole is added; its state says so.
        var good = JsonDocument.Parse(await (await UploadAsJsonAsync(maker, id, whole, "utuh.jpg", "image/jpeg")).Content.ReadAsStringAsync()).RootElement;
        await RunUploadJobAsync(factory, good.GetProperty("id").GetGuid());
        state = JsonDocument.Parse(await TextOfAsync(maker, good.GetProperty("state").GetString()!)).RootElement;
        Assert.Equal("Done", state.GetProperty("state").GetString());
        Assert.Contains("sudah ditambahkan", state.GetProperty("message").GetString());
        Assert.Single(await PhotoOrderAsync(id));
    }

    static async Task<HttpResponseMessage> UploadAsJsonAsync(ShopClient maker, int listingId, byte[] content, string name, string type)
    {
        var page = await maker.GetDocumentAsync($"/toko-saya/produk/{listingId}");
        var form = page.QuerySelector<IHtmlFormElement>("form[data-photo-upload]")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        body.Add(file, "photo", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = body };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await maker.Http.SendAsync(request);
    }

    async Task AddPhotoAsync(ShopClient maker, int listingId, byte[] jpeg)
    {
        var upload = await UploadAsync(maker, listingId, jpeg, "foto.jpg", "image/jpeg");
        await RunUploadJobAsync(factory, Guid.Parse(upload.Headers.Location!.OriginalString.Split('/').Last()));
    }

    async Task<List<int>> PhotoOrderAsync(int listingId)
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Include(l => l.Photos).Include(l => l.Revisions).ThenInclude(r => r.Photos).AsSplitQuery().SingleAsync(l => l.Id == listingId);
        return ListingGallery.Working(listing).Select(p => p.PhotoId).ToList();
    }
}
