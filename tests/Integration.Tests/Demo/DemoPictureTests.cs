using System.Diagnostics;
using System.Security.Cryptography;
using NetVips;
using PasKreatif.Demo;
using Xunit.Abstractions;

namespace PasKreatif.Integration.Tests.Demo;

/// <summary>The demo photos drawn from Twemoji's artwork: each shows its goods, and no two cards are alike.</summary>
public class DemoPictureTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_product_gets_its_own_picture_with_its_goods_in_plain_sight_and_variants_differ()
    {
        var folder = DemoPictures.FindArtwork(null);
        using var pictures = DemoPictures.Open(null);
        var saved = Path.Combine(Environment.GetEnvironmentVariable("PASKREATIF_ARTIFACTS") ?? Path.GetTempPath(), "demo-pictures");
        Directory.CreateDirectory(saved);
        var hashes = new Dictionary<string, string>();
        var clock = Stopwatch.StartNew();
        var drawn = 0;
        var thumbnails = new List<Image>();
        var faint = new List<string>();
        foreach (var (category, products) in DemoCatalogue.Products)
            foreach (var (product, index) in products.Select((p, i) => (p, i)))
                for (var variant = 0; variant < 2; variant++)
                {
                    var jpeg = pictures.Draw(category, product.Name, index * 9 + variant);
                    drawn++;
                    var hash = Convert.ToHexString(SHA256.HashData(jpeg));
                    Assert.False(hashes.TryGetValue(hash, out var same), $"{product.Name} #{variant} is the same picture as {same}");
                    hashes[hash] = $"{product.Name} #{variant}";
                    File.WriteAllBytes(Path.Combine(saved, $"{category}-{index}-{variant}.jpg"), jpeg);

                    using var picture = Image.NewFromBuffer(jpeg);
                    thumbnails.Add(Image.ThumbnailBuffer(jpeg, 240));
                    Assert.Equal((DemoPictures.Size, DemoPictures.Size, 3), (picture.Width, picture.Height, picture.Bands));
                    var motif = DemoMotifs.For(category, product.Name);
                    if (motif.Main.Length == 0) continue; // drawn ironwork: no artwork to look for
                    var share = Share(picture, DominantColour(folder, motif.Main));
                    if (share < 0.015) faint.Add($"{product.Name} #{variant}: its goods' own colour covers only {share:P1} of the picture.");
                }
        output.WriteLine($"{drawn} pictures in {clock.ElapsedMilliseconds} ms, saved in {saved}");
        using (var sheet = Image.Arrayjoin([.. thumbnails], across: 12, shim: 4)) // one contact sheet to look at
            sheet.WriteToFile(Path.Combine(saved, "sheet.png"));
        foreach (var thumbnail in thumbnails) thumbnail.Dispose();
        Assert.True(faint.Count == 0, string.Join("\n", faint));
    }

    [Fact]
    public void Drawing_the_same_goods_twice_gives_the_same_bytes()
    {
        using var first = DemoPictures.Open(null);
        using var second = DemoPictures.Open(null);
        Assert.Equal(first.Draw("kue-camilan", "Nastar Keju", 3), second.Draw("kue-camilan", "Nastar Keju", 3));
    }

    [Fact]
    public void A_missing_artwork_folder_is_named_instead_of_a_picture_without_goods()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pk-no-artwork-" + Guid.NewGuid().ToString("N"));
        Assert.Contains(missing, Assert.Throws<InvalidOperationException>(() => DemoPictures.Open(missing)).Message);
        Directory.CreateDirectory(missing);
        try
        {
            Assert.Contains("1f41f.svg", Assert.Throws<InvalidOperationException>(() => DemoPictures.Open(missing)).Message);
        }
        finally
        {
            Directory.Delete(missing);
        }
    }

    /// <summary>The colour most of the artwork is painted in (opaque pixels, in steps of 16).</summary>
    static double[] DominantColour(string folder, string artwork)
    {
        using var glyph = Image.SvgloadBuffer(File.ReadAllBytes(Path.Combine(folder, artwork + ".svg")), scale: 2);
        var pixels = glyph.WriteToMemory<byte>();
        var counts = new Dictionary<(int, int, int), int>();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            if (pixels[i + 3] < 250) continue;
            var key = (pixels[i] / 16, pixels[i + 1] / 16, pixels[i + 2] / 16);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var (r, g, b) = counts.MaxBy(c => c.Value).Key;
        return [r * 16 + 8, g * 16 + 8, b * 16 + 8];
    }

    /// <summary>The share of the picture within a small distance of the colour.</summary>
    static double Share(Image picture, double[] colour)
    {
        var pixels = picture.WriteToMemory<byte>();
        var near = 0;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            double dr = pixels[i] - colour[0], dg = pixels[i + 1] - colour[1], db = pixels[i + 2] - colour[2];
            if (dr * dr + dg * dg + db * db < 28 * 28) near++;
        }
        return near / (pixels.Length / 3.0);
    }
}
