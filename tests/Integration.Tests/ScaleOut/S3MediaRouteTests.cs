using PasKreatif.Domain.Tests.Media;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>With <c>Media:Store=S3</c> the shop keeps photos in the bucket and serves them through the same /media route.</summary>
public sealed class S3MediaRouteTests(TestS3Server s3) : IClassFixture<TestS3Server>, IAsyncLifetime
{
    string database = "";
    ShopInstance shop = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabases.CreateFromTemplateAsync(nameof(S3MediaRouteTests));
        shop = new ShopInstance(database, new Dictionary<string, string>
        {
            ["Media:Store"] = "S3", ["Media:S3:ServiceUrl"] = s3.ServiceUrl, ["Media:S3:Bucket"] = TestS3Server.Bucket,
            ["Media:S3:AccessKey"] = "S3RVER", ["Media:S3:SecretKey"] = "S3RVER",
        });
    }

    public async Task DisposeAsync()
    {
        await shop.DisposeAsync();
        await TestDatabases.DropAsync(database);
    }

    [Fact]
    public async Task A_public_photo_put_through_the_shops_store_is_streamed_from_the_bucket_with_its_type_and_caching()
    {
        var store = shop.Services.GetRequiredService<IMediaStore>();
        Assert.IsType<S3MediaStore>(store);
        var photo = new byte[40_000];
        new Random(9).NextBytes(photo);
        var key = $"p/{Guid.NewGuid():N}/800.webp";
        await store.PutAsync(key, photo, "image/webp");
        await store.PutAsync("o/" + Guid.NewGuid().ToString("N") + ".jpg", photo, "image/jpeg");

        using var client = shop.Client();
        var response = await client.Http.GetAsync("/media/" + key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(photo, await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/media/p/{Guid.NewGuid():N}/800.webp")).StatusCode);
    }

    [Fact]
    public async Task A_photo_through_the_pipeline_lands_in_the_bucket_its_sizes_are_served_and_its_original_never()
    {
        var processed = await shop.Services.GetRequiredService<PhotoPipeline>().StoreAsync(PhoneShots.Jpeg(1200, 900));
        var bucket = new S3MediaStore(shop.Services.GetRequiredService<Amazon.S3.IAmazonS3>(), s3.Options);
        Assert.True(await bucket.ExistsAsync(processed.OriginalKey));
        using var client = shop.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/media/" + processed.OriginalKey)).StatusCode);
        var thumbnail = await client.Http.GetAsync("/media/" + PhotoSizes.Key(processed.Hash, PhotoSizes.Widths[0], "jpg"));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await thumbnail.Content.ReadAsByteArrayAsync())[..2]);
    }
}
