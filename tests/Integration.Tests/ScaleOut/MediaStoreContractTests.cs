using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>What every media store must do; run against the folder store and against a real S3-compatible server.</summary>
public abstract class MediaStoreContract
{
    protected abstract IMediaStore Store { get; }

    static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task What_is_put_reads_back_byte_for_byte_and_exists()
    {
        var key = $"p/{Guid.NewGuid():N}/400.webp";
        var content = Bytes(150_000, 1); // larger than one upload chunk of the SDK
        Assert.False(await Store.ExistsAsync(key));
        await Store.PutAsync(key, content, "image/webp");
        Assert.True(await Store.ExistsAsync(key));
        Assert.Equal(content, await ReadAllAsync((await Store.OpenReadAsync(key))!));
    }

    [Fact]
    public async Task Putting_again_replaces_the_content()
    {
        var key = $"o/{Guid.NewGuid():N}.jpg";
        await Store.PutAsync(key, Bytes(1000, 2), "image/jpeg");
        var second = Bytes(700, 3);
        await Store.PutAsync(key, second, "image/jpeg");
        Assert.Equal(second, await ReadAllAsync((await Store.OpenReadAsync(key))!));
    }

    [Fact]
    public async Task A_missing_key_reads_as_nothing()
    {
        var key = $"p/{Guid.NewGuid():N}/missing.jpg";
        Assert.Null(await Store.OpenReadAsync(key));
        Assert.False(await Store.ExistsAsync(key));
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("p/../../outside.jpg")]
    [InlineData("/etc/passwd")]
    public async Task A_key_that_climbs_out_is_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new byte[] { 1, 2, 3 }, "image/jpeg"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
    }
}

public sealed class FileSystemMediaStoreTests : MediaStoreContract, IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), $"pk-media-contract-{Guid.NewGuid():N}");
    readonly FileSystemMediaStore store;

    public FileSystemMediaStoreTests() => store = new FileSystemMediaStore(new MediaOptions { Root = root });

    protected override IMediaStore Store => store;

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}

public sealed class S3MediaStoreTests(TestS3Server server) : MediaStoreContract, IClassFixture<TestS3Server>, IDisposable
{
    readonly Amazon.S3.IAmazonS3 client = server.Options.CreateClient();

    protected override IMediaStore Store => new S3MediaStore(client, server.Options);

    public void Dispose() => client.Dispose();
}
