using PasKreatif.Catalog;
using PasKreatif.Domain.Tests.Media;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>Hostile uploads through the makers' real upload route, and what /media serves afterwards.</summary>
public class UploadTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    public static TheoryData<string, string, string> Bombs => new()
    {
        { "png", "bom.png", "image/png" },
        { "jpeg", "bom.jpg", "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_tiny_file_declaring_huge_dimensions_is_refused_at_once(string kind, string name, string type)
    {
        var bomb = kind == "png" ? PngDeclaring(100_000, 100_000) : JpegDeclaring(65_000, 65_000);
        Assert.True(bomb.Length < 10_000);
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Bom dekompresi " + kind);

        var response = await UploadAsync(maker, id, bomb, name, type);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/toko-saya/produk/{id}#foto", response.Headers.Location!.OriginalString);
        Assert.Contains("lebih dari 50 megapiksel", await TextOfAsync(maker, $"/toko-saya/produk/{id}"));
        await using var db = factory.OpenDb();
        Assert.False(await db.PhotoUploads.AnyAsync(u => u.ListingId == id));
        Assert.False(await db.ListingPhotos.AnyAsync(p => p.ListingId == id));
    }

    [Fact]
    public async Task A_jpeg_that_is_also_html_is_re_encoded_and_served_as_an_image_that_is_never_sniffed()
    {
        const string Html = "<html><body><script>alert('polyglot')</script></body></html>";
        var polyglot = WithComment(PhoneShots.Jpeg(800, 600), Html);
        Assert.Contains("<script>", Encoding.Latin1.GetString(polyglot), StringComparison.Ordinal);
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Foto poliglot");

        var response = await UploadAsync(maker, id, polyglot, "poliglot.jpg", "image/jpeg");
        var statusUrl = response.Headers.Location!.OriginalString;
        await RunUploadJobAsync(factory, Guid.Parse(statusUrl.Split('/').Last()));

        await using var db = factory.OpenDb();
        var photo = await db.ListingPhotos.Where(p => p.ListingId == id).Select(p => p.Photo!).SingleAsync();
        foreach (var (format, type) in new[] { ("jpg", "image/jpeg"), ("webp", "image/webp") })
        {
            using var served = await maker.Http.GetAsync($"/media/{photo.Key(320, format)}");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(type, served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", string.Join(",", served.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("default-src 'self'", string.Join(",", served.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.DoesNotContain("<script", Encoding.Latin1.GetString(bytes), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<html", Encoding.Latin1.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        }
        // The original keeps its bytes but is never served, under any name.
        Assert.Equal(HttpStatusCode.NotFound, (await maker.Http.GetAsync($"/media/{photo.OriginalKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maker.Http.GetAsync($"/media/p/../{photo.OriginalKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maker.Http.GetAsync($"/media/{Path.ChangeExtension(photo.Key(320, "jpg"), ".html")}")).StatusCode);
    }

    /// <summary>A PNG whose header claims the given size, with one tiny compressed row of data.</summary>
    static byte[] PngDeclaring(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), no interlace
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A real small JPEG with its frame header (SOF0) rewritten to claim the given size.</summary>
    static byte[] JpegDeclaring(int width, int height)
    {
        var jpeg = PhoneShots.Jpeg(16, 16);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] is not (0xC0 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
            return jpeg;
        }
        throw new InvalidOperationException("No SOF marker in the test JPEG");
    }

    /// <summary>Puts text in a COM segment right after the JPEG's start marker: still a valid JPEG, and an HTML page to a sniffer.</summary>
    static byte[] WithComment(byte[] jpeg, string text)
    {
        var body = Encoding.ASCII.GetBytes(text);
        var segment = new byte[4 + body.Length];
        segment[0] = 0xFF; segment[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(body.Length + 2));
        body.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
