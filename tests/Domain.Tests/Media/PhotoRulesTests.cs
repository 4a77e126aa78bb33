using System.Collections.Concurrent;
using System.Text;
using NetVips;
using PasKreatif.Media;

namespace PasKreatif.Domain.Tests.Media;

public class PhotoRulesTests
{
    sealed class MemoryStore : IMediaStore
    {
        public ConcurrentDictionary<string, byte[]> Files { get; } = new();
        public Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
        {
            Files[key] = content.ToArray();
            return Task.CompletedTask;
        }
        public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) =>
            Task.FromResult<Stream?>(Files.TryGetValue(key, out var b) ? new MemoryStream(b) : null);
        public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(Files.ContainsKey(key));
    }

    [Fact]
    public void An_upload_s_size_is_judged_before_it_is_read_at_most_twenty_megabytes()
    {
        Assert.Equal(PhotoProblem.None, PhotoRules.CheckSize(PhotoRules.MaxBytes));
        Assert.Equal(PhotoProblem.None, PhotoRules.CheckSize(1));
        Assert.Equal(PhotoProblem.TooLarge, PhotoRules.CheckSize(PhotoRules.MaxBytes + 1));
        Assert.Equal(PhotoProblem.Empty, PhotoRules.CheckSize(0));
        Assert.Equal(PhotoProblem.TooLarge, Assert.Throws<PhotoRefusedException>(() => PhotoRules.Inspect(new byte[PhotoRules.MaxBytes + 1])).Problem);
        Assert.Equal(PhotoProblem.Empty, Assert.Throws<PhotoRefusedException>(() => PhotoRules.Inspect([])).Problem);
    }

    [Fact]
    public async Task A_phone_photo_comes_out_upright_with_no_metadata_at_all()
    {
        var original = PhoneShots.SidewaysJpegWithGps();
        using (var input = Image.NewFromBuffer(original))
        {
            // The test file really carries what a phone writes, so the assertions below can fail.
            Assert.Equal(6, (int)input.Get("orientation"));
            Assert.Contains(input.GetFields(), f => f.StartsWith("exif-ifd3-GPS", StringComparison.Ordinal));
            Assert.Contains("xmp-data", input.GetFields());
        }
        var store = new MemoryStore();

        var stored = await new PhotoPipeline(store).StoreAsync(original);

        Assert.Equal((300, 400), (stored.Width, stored.Height));
        foreach (var width in PhotoSizes.Widths)
        foreach (var ext in new[] { "jpg", "webp" })
        {
            var bytes = store.Files[PhotoSizes.Key(stored.Hash, width, ext)];
            using var output = Image.NewFromBuffer(bytes);
            Assert.True(output.Height > output.Width, "portrait after rotation");
            Assert.DoesNotContain(output.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "orientation");
            var ascii = Encoding.ASCII.GetString(bytes);
            Assert.DoesNotContain("Exif", ascii);
            Assert.DoesNotContain("xmpmeta", ascii);
            Assert.DoesNotContain("PhoneMaker", ascii);
            // Light stripe on top, dark below: the sideways picture was turned clockwise.
            using var top = output.Crop(0, 0, output.Width, output.Height / 4);
            using var bottom = output.Crop(0, output.Height * 3 / 4, output.Width, output.Height / 4);
            Assert.True(top.Avg() > 180, $"top {top.Avg()}");
            Assert.True(bottom.Avg() < 70, $"bottom {bottom.Avg()}");
        }
        Assert.True(store.Files.ContainsKey(stored.OriginalKey));
        Assert.StartsWith("originals/", stored.OriginalKey);
    }

    [Fact]
    public async Task A_large_sideways_photo_is_shrunk_on_load_and_turned_upright()
    {
        // Large enough that decoding is shrunk and rotation cannot run in one sequential pass.
        var original = PhoneShots.SidewaysJpegWithGps(5200, 3900);
        var store = new MemoryStore();
        var stored = await new PhotoPipeline(store).StoreAsync(original);
        Assert.Equal((3900, 5200), (stored.Width, stored.Height));
        using var largest = Image.NewFromBuffer(store.Files[PhotoSizes.Key(stored.Hash, 1280, "jpg")]);
        Assert.Equal(1280, largest.Width);
        Assert.True(largest.Height > largest.Width);
    }

    [Fact]
    public async Task A_60_megapixel_png_is_refused_before_decoding_and_nothing_is_stored()
    {
        var png = PhoneShots.Png(10_000, 6_000);
        Assert.True(png.Length < PhotoRules.MaxBytes);
        await AssertRefusedAsync(png, PhotoProblem.TooManyPixels);
    }

    [Fact]
    public async Task An_svg_is_refused()
    {
        var svg = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");
        await AssertRefusedAsync(svg, PhotoProblem.NotAPhoto);
    }

    [Fact]
    public async Task An_html_file_named_like_a_jpeg_is_refused()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><img src=x onerror=alert(1)>photo.jpg</body></html>");
        await AssertRefusedAsync(html, PhotoProblem.NotAPhoto);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var whole = PhoneShots.Jpeg(800, 600);
        var cut = whole[..(whole.Length / 2)];
        await AssertRefusedAsync(cut, PhotoProblem.Truncated);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_by_its_size()
    {
        var big = new byte[PhotoRules.MaxBytes + 1];
        PhoneShots.Jpeg(64, 64).CopyTo(big, 0);
        await AssertRefusedAsync(big, PhotoProblem.TooLarge);
    }

    [Fact]
    public void Png_and_webp_are_recognised_by_content()
    {
        using var image = Image.Black(20, 10, bands: 3).Cast(Enums.BandFormat.Uchar);
        Assert.Equal("png", PhotoRules.Inspect(image.PngsaveBuffer()).Format);
        Assert.Equal("webp", PhotoRules.Inspect(image.WebpsaveBuffer()).Format);
        Assert.Equal(new PhotoHeader("jpeg", 20, 10), PhotoRules.Inspect(image.JpegsaveBuffer()));
    }

    static async Task AssertRefusedAsync(byte[] content, PhotoProblem expected)
    {
        var store = new MemoryStore();
        var refused = await Assert.ThrowsAsync<PhotoRefusedException>(() => new PhotoPipeline(store).StoreAsync(content));
        Assert.Equal(expected, refused.Problem);
        Assert.Empty(store.Files);
    }
}
