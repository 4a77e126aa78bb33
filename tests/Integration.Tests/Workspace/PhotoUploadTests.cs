using PasKreatif.Catalog;
using PasKreatif.Domain.Tests.Media;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetVips;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Workspace;

public class PhotoUploadTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_phone_photo_is_processed_by_the_job_and_served_upright_without_gps()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Tas anyaman plastik");

        var response = await UploadAsync(maker, id, PhoneShots.SidewaysJpegWithGps(), "IMG_20261123.jpg", "image/jpeg");
        var statusUrl = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/toko-saya/unggahan/", statusUrl);
        Assert.Contains("menunggu diproses", await TextOfAsync(maker, statusUrl));
        Assert.Contains("\"state\":\"Queued\"", await TextOfAsync(maker, statusUrl + "?handler=State"));

        await RunUploadJobAsync(factory, Guid.Parse(statusUrl.Split('/').Last()));
        Assert.Contains("sudah ditambahkan", await TextOfAsync(maker, statusUrl));

        await using var db = factory.OpenDb();
        var photo = await db.ListingPhotos.Where(p => p.ListingId == id).Select(p => p.Photo!).SingleAsync();
        Assert.Equal((300, 400), (photo.Width, photo.Height));
        Assert.Null(await db.PhotoUploads.Where(u => u.ListingId == id).Select(u => u.Content).SingleAsync());
        var served = await maker.Http.GetAsync($"/media/{photo.Key(640, "jpg")}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString());
        var bytes = await served.Content.ReadAsByteArrayAsync();
        using var image = Image.NewFromBuffer(bytes);
        Assert.True(image.Height > image.Width);
        Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f == "xmp-data");
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(bytes));
        // The original is kept, but never served.
        Assert.Equal(HttpStatusCode.NotFound, (await maker.Http.GetAsync($"/media/{photo.OriginalKey}")).StatusCode);
    }

    public static TheoryData<string, string, string, string> RefusedAtOnce() => new()
    {
        { "svg", "gambar.svg", "image/svg+xml", "bukan foto JPEG" },
        { "html", "foto.jpg", "image/jpeg", "bukan foto JPEG" },
        { "png60", "besar.png", "image/png", "lebih dari 50 megapiksel" },
    };

    [Theory]
    [MemberData(nameof(RefusedAtOnce))]
    public async Task A_file_that_breaks_a_rule_is_refused_with_a_message_and_nothing_is_saved(string kind, string name, string type, string message)
    {
        var content = kind switch
        {
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"><script>alert(1)</script></svg>"),
            "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
            _ => PhoneShots.Png(10_000, 6_000),
        };
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Lukisan " + kind);
        var before = await CountsAsync(id);

        var response = await UploadAsync(maker, id, content, name, type);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/toko-saya/produk/{id}#foto", response.Headers.Location!.OriginalString);
        Assert.Contains(message, await TextOfAsync(maker, $"/toko-saya/produk/{id}"));
        Assert.Equal(before, await CountsAsync(id));
        await using var db = factory.OpenDb();
        Assert.False(await db.PhotoUploads.AnyAsync(u => u.ListingId == id));
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused_by_the_job_and_the_listing_stays_as_it_was()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Kue lapis legit");
        var whole = PhoneShots.Jpeg(1200, 900);
        var before = await CountsAsync(id);
        var cut = whole[..(whole.Length / 2)];
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(cut));

        var response = await UploadAsync(maker, id, cut, "lapis.jpg", "image/jpeg");
        var statusUrl = response.Headers.Location!.OriginalString;
        await RunUploadJobAsync(factory, Guid.Parse(statusUrl.Split('/').Last()));

        var page = await TextOfAsync(maker, statusUrl);
        Assert.Contains("terpotong", page);
        Assert.Contains("Produk Anda tidak berubah.", page);
        Assert.Equal(before, await CountsAsync(id));
        Assert.Empty(Directory.Exists(TestDatabases.MediaRoot) ? Directory.GetFiles(TestDatabases.MediaRoot, $"*{hash}*", SearchOption.AllDirectories) : []);
        await using var db = factory.OpenDb();
        var upload = await db.PhotoUploads.SingleAsync(u => u.ListingId == id);
        Assert.Equal((PhotoUploadState.Refused, PhotoProblem.Truncated), (upload.State, upload.Problem));
        Assert.Null(upload.Content);
    }

    async Task<(int Photos, int ListingPhotos, DateTimeOffset Updated)> CountsAsync(int listingId)
    {
        await using var db = factory.OpenDb();
        return (await db.Photos.CountAsync(), await db.ListingPhotos.CountAsync(p => p.ListingId == listingId),
            await db.Listings.Where(l => l.Id == listingId).Select(l => l.UpdatedAt).SingleAsync());
    }
}
