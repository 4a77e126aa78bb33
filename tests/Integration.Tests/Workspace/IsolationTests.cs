using PasKreatif.Domain.Tests.Media;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Workspace;

/// <summary>Another maker's ids on every workspace route: 404, and nothing changes.</summary>
public class IsolationTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Every_maker_route_with_another_makers_ids_finds_nothing_and_changes_nothing()
    {
        int listingId, fulfilmentId, photoId;
        Guid uploadId = Guid.NewGuid();
        string orderNumber;
        await using (var db = factory.OpenDb())
        {
            var owner = await db.Makers.SingleAsync(m => m.Person!.UserName == "pembuat");
            listingId = await db.Listings.Where(l => l.MakerId == owner.Id && l.Status == ListingStatus.Approved && l.Photos.Any()).Select(l => l.Id).FirstAsync();
            photoId = await db.ListingPhotos.Where(p => p.ListingId == listingId).Select(p => p.PhotoId).FirstAsync();
            var fulfilment = await db.Fulfilments.Where(f => f.MakerId == owner.Id).Select(f => new { f.Id, f.Order!.Number }).FirstAsync();
            (fulfilmentId, orderNumber) = (fulfilment.Id, fulfilment.Number);
            db.PhotoUploads.Add(new PhotoUpload { Id = uploadId, MakerId = owner.Id, ListingId = listingId, State = PhotoUploadState.Queued, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var before = await SnapshotAsync(listingId, fulfilmentId);

        using var other = ShopClient.For(factory);
        await other.SignInAsync("pembuat2");
        var listing = $"/toko-saya/produk/{listingId}";
        var order = $"/toko-saya/pesanan/{fulfilmentId}";
        foreach (var url in new[] { listing, $"{listing}/ubah", $"{listing}/pratinjau", order, $"/toko-saya/unggahan/{uploadId}", $"/toko-saya/unggahan/{uploadId}?handler=State" })
            Assert.True((await other.Http.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"{listing}?handler=Submit", []), ($"{listing}?handler=Pause", []), ($"{listing}?handler=Resume", []),
            ($"{listing}?handler=Archive", []), ($"{listing}?handler=Stock", new() { ["stock"] = "0" }),
            ($"{listing}?handler=MovePhoto", new() { ["photoId"] = photoId.ToString(), ["step"] = "1" }),
            ($"{listing}?handler=RemovePhoto", new() { ["photoId"] = photoId.ToString() }),
            ($"{listing}/ubah", WorkspaceSteps.ListingForm("Diambil alih")),
            ($"{order}?handler=Preparing", []), ($"{order}?handler=Shipped", new() { ["trackingNote"] = "JNE 123" }),
            ($"{order}?handler=ReadyForPickup", []),
        };
        foreach (var (url, fields) in posts)
            Assert.True((await other.PostWithTokenAsync(url, fields)).StatusCode == HttpStatusCode.NotFound, $"POST {url}");

        var upload = await other.Http.PostAsync($"{listing}?handler=Photo", await MultipartWithTokenAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        Assert.DoesNotContain(orderNumber, await other.Http.GetStringAsync("/toko-saya/pesanan"));
        Assert.Equal(before, await SnapshotAsync(listingId, fulfilmentId));

        // A buyer is no maker: 403; a visitor is sent to sign in.
        using var buyer = ShopClient.For(factory);
        await buyer.SignInAsync("pembeli");
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Http.GetAsync(listing)).StatusCode);
        using var visitor = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync(order)).StatusCode);
    }

    static async Task<MultipartFormDataContent> MultipartWithTokenAsync(ShopClient client)
    {
        var page = await client.GetDocumentAsync("/toko-saya/produk/baru");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(PhoneShots.Jpeg(64, 64));
        file.Headers.ContentType = new("image/jpeg");
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "photo", "x.jpg" } };
    }

    async Task<string> SnapshotAsync(int listingId, int fulfilmentId)
    {
        await using var db = factory.OpenDb();
        var l = await db.Listings.Where(x => x.Id == listingId).Select(x => new { x.Status, x.Title, x.Stock, x.UpdatedAt, Photos = x.Photos.Count, Revisions = x.Revisions.Count }).SingleAsync();
        var f = await db.Fulfilments.Where(x => x.Id == fulfilmentId).Select(x => new { x.Status, x.TrackingNote }).SingleAsync();
        var uploads = await db.PhotoUploads.CountAsync();
        return $"{l} {f} {uploads}";
    }
}
