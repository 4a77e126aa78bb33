using NetVips;

namespace PasKreatif.Demo;

/// <summary>
/// Draws the demo photo pool: the goods as Twemoji artwork (CC-BY 4.0, npm package @discordapp/twemoji,
/// installed by ./run.sh and ./test.sh into tools/twemoji) on a table or cloth, at a varied angle, size and place,
/// with companions around, a shadow and some grain. Rendered glyphs are kept for the life of one load.
/// </summary>
sealed class DemoPictures(string artworkFolder) : IDisposable
{
    public const int Size = 960;
    const int GlyphPixels = 720; // rendered once at this size, then scaled down per picture
    public const string ArtworkPackage = "tools/twemoji/node_modules/@discordapp/twemoji/dist/svg";

    readonly Dictionary<string, Image> glyphs = [];

    /// <summary>The artwork folder: configured (Demo:Artwork), or the package installed beside the sources.</summary>
    public static string FindArtwork(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? configured
                : throw new InvalidOperationException($"Demo:Artwork names {configured}, which does not exist.");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ArtworkPackage);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            "The demo photos are drawn from Twemoji's artwork, which is not installed: run `npm ci --prefix tools/twemoji` (./run.sh and ./test.sh do), or set Demo:Artwork.");
    }

    public static DemoPictures Open(string? configured)
    {
        var folder = FindArtwork(configured);
        var missing = DemoMotifs.Artworks().Where(a => !File.Exists(Path.Combine(folder, a + ".svg"))).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{folder} lacks the artwork {string.Join(", ", missing.Select(m => m + ".svg"))}.");
        return new DemoPictures(folder);
    }

    public byte[] Draw(string categorySlug, string title, int variant)
    {
        var plan = DemoPicturePlan.For(categorySlug, title, variant);
        var layers = new List<Image>();
        try
        {
            // Each layer is computed once into memory, then all are laid over the backdrop in one pass.
            var backdrop = Keep(layers, Backdrop(plan.Backdrop, plan.Seed, layers).CopyMemory());
            var (overlays, xs, ys) = (new List<Image>(), new List<int>(), new List<int>());
            foreach (var item in plan.Items)
            {
                var drawn = Keep(layers, Item(plan, item, layers).CopyMemory());
                if (item.Shadow)
                {
                    var (shadow, pad) = Shadow(drawn, layers);
                    overlays.Add(shadow);
                    xs.Add(item.X - drawn.Width / 2 - pad + (int)(drawn.Width * 0.03));
                    ys.Add(item.Y - drawn.Height / 2 - pad + (int)(drawn.Height * 0.05));
                }
                overlays.Add(drawn);
                xs.Add(item.X - drawn.Width / 2);
                ys.Add(item.Y - drawn.Height / 2);
            }
            var picture = Keep(layers, backdrop.Composite([.. overlays], [.. overlays.Select(_ => Enums.BlendMode.Over)], x: [.. xs], y: [.. ys]));
            var finished = Keep(layers, Keep(layers, picture.ExtractBand(0, n: 3)).Cast(Enums.BandFormat.Uchar));
            return finished.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
        }
        finally
        {
            foreach (var layer in layers) layer.Dispose();
        }
    }

    static Image Keep(List<Image> layers, Image image)
    {
        layers.Add(image);
        return image;
    }

    /// <summary>A wall and a table (wood, cloth, woven mat or plain), lit from above, with a little grain.</summary>
    static Image Backdrop(Backdrop b, int seed, List<Image> layers)
    {
        // Worked out at half size and enlarged: it is all gradients and soft texture, and this is most of a picture's cost.
        const int half = Size / 2;
        var xyz = Keep(layers, Image.Xyz(half, half));
        var y = Keep(layers, Keep(layers, xyz[1]).Cast(Enums.BandFormat.Float) / half);
        var x = Keep(layers, Keep(layers, xyz[0]).Cast(Enums.BandFormat.Float) / half);
        var wall = Keep(layers, Keep(layers, (1 - y) * b.WallTop) + Keep(layers, y * b.WallBottom));
        var tableTone = Keep(layers, Keep(layers, y * 0.25 + 0.85) * b.Table);
        var texture = b.Surface switch
        {
            Surface.Wood => Keep(layers, Keep(layers, Keep(layers, Keep(layers, y * 2600 + Keep(layers, x * 140 * b.Grain).Math(Enums.OperationMath.Sin) * 40).Math(Enums.OperationMath.Sin)) * 10)),
            Surface.Cloth => Keep(layers, Keep(layers, Keep(layers, x * 9000).Math(Enums.OperationMath.Sin) + Keep(layers, y * 9000).Math(Enums.OperationMath.Sin)) * 4),
            Surface.Mat => Keep(layers, Keep(layers, Keep(layers, Keep(layers, x * 5400 + y * 5400).Math(Enums.OperationMath.Sin)) * Keep(layers, Keep(layers, x * 5400 - y * 5400).Math(Enums.OperationMath.Sin))) * 14),
            _ => Keep(layers, y * 0),
        };
        var table = Keep(layers, tableTone + texture);
        var isTable = Keep(layers, y > b.Horizon);
        var scene = Keep(layers, isTable.Ifthenelse(table, wall));
        // Light falls off towards the corners, as under a lamp.
        var dx = Keep(layers, x - 0.5);
        var dy = Keep(layers, y - 0.42);
        var falloff = Keep(layers, 1 - Keep(layers, Keep(layers, dx * dx) + Keep(layers, dy * dy)) * 0.55);
        // Seeded: two loads give the same bytes.
        var noise = Keep(layers, Image.Gaussnoise(half, half, sigma: 3.5, mean: 0, seed: seed));
        var lit = Keep(layers, Keep(layers, scene * falloff) + noise);
        var small = Keep(layers, Keep(layers, lit.Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb));
        var rgb = Keep(layers, small.Resize(2, kernel: Enums.Kernel.Linear));
        return Keep(layers, rgb.Bandjoin(255));
    }

    /// <summary>One item as a premultiplied-free RGBA image, scaled and turned as planned.</summary>
    Image Item(DemoPicturePlan plan, PlacedItem item, List<Image> layers)
    {
        var source = item.Artwork switch
        {
            "painting" => Painting(plan, layers),
            "fence" => Fence(plan, layers),
            "shelf" => Shelf(plan, layers),
            var artwork when item.Patterned => Patterned(Glyph(artwork), plan, layers),
            var artwork => Glyph(artwork),
        };
        var scale = item.Pixels / (double)Math.Max(source.Width, source.Height);
        var premultiplied = Keep(layers, source.Premultiply());
        var sized = Keep(layers, premultiplied.Resize(scale));
        var turned = Keep(layers, sized.Similarity(angle: item.Angle, background: [0, 0, 0, 0]));
        if (item.Mirror) turned = Keep(layers, turned.FlipHor());
        var straight = Keep(layers, turned.Unpremultiply());
        return Keep(layers, Keep(layers, straight.Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb));
    }

    Image Glyph(string artwork)
    {
        if (glyphs.TryGetValue(artwork, out var cached)) return cached;
        var svg = File.ReadAllBytes(Path.Combine(artworkFolder, artwork + ".svg"));
        using var loaded = Image.SvgloadBuffer(svg, scale: GlyphPixels / 36.0); // Twemoji's view box is 36 units
        var rendered = loaded.CopyMemory();
        glyphs[artwork] = rendered;
        return rendered;
    }

    /// <summary>A soft shadow from the item's own outline.</summary>
    static (Image Shadow, int Pad) Shadow(Image item, List<Image> layers)
    {
        var pad = Math.Max(12, item.Width / 12);
        var alpha = Keep(layers, Keep(layers, item.ExtractBand(3)).Embed(pad, pad, item.Width + 2 * pad, item.Height + 2 * pad));
        // Blurred at a quarter of the size: a soft shadow loses nothing, and a wide blur at full size is slow.
        var quarter = Keep(layers, Keep(layers, alpha.Resize(0.25)).Gaussblur(Math.Max(1, pad / 10.0)));
        var soft = Keep(layers, Keep(layers, Keep(layers, quarter.Resize(alpha.Width / (double)quarter.Width, vscale: alpha.Height / (double)quarter.Height, kernel: Enums.Kernel.Linear)) * 0.38));
        var black = Keep(layers, Image.Black(soft.Width, soft.Height, bands: 3));
        var shadow = Keep(layers, Keep(layers, Keep(layers, black.Bandjoin(soft)).Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb));
        return (shadow, pad);
    }

    /// <summary>Batik dots or a woven check laid over the glyph's own shape, so a shirt reads as batik and a bag as woven.</summary>
    static Image Patterned(Image glyph, DemoPicturePlan plan, List<Image> layers)
    {
        var rng = new Random(plan.Seed);
        var cell = rng.Next(40, 70);
        var ink = plan.PatternInk;
        var pattern = Keep(layers, Image.Black(glyph.Width, glyph.Height, bands: 4).Copy(interpretation: Enums.Interpretation.Srgb));
        var drawn = Keep(layers, pattern.Mutate(m =>
        {
            for (var row = 0; row * cell < glyph.Height + cell; row++)
                for (var col = 0; col * cell < glyph.Width + cell; col++)
                {
                    var cx = col * cell + (row % 2) * cell / 2;
                    var cy = row * cell;
                    if (plan.Woven)
                        m.DrawRect([.. ink, 150], cx - cell / 4, cy - cell / 8, cell / 2, cell / 4, fill: true);
                    else
                    {
                        m.DrawCircle([.. ink, 210], cx, cy, cell / 4, fill: true);
                        m.DrawCircle([255, 245, 220, 230], cx, cy, cell / 9, fill: true);
                    }
                }
        }));
        return Keep(layers, glyph.Composite2(drawn, Enums.BlendMode.Atop));
    }

    /// <summary>A canvas in a wooden or gilt frame with the scene painted on it.</summary>
    Image Painting(DemoPicturePlan plan, List<Image> layers)
    {
        var rng = new Random(plan.Seed);
        int w = rng.Next(620, 720), h = rng.Next(480, 560), border = rng.Next(34, 52), mat = rng.Next(10, 24);
        double[] frame = DemoPicturePlan.Palette(rng, [[150, 100, 55], [185, 150, 70], [60, 45, 35], [120, 70, 40]]);
        double[] sky = DemoPicturePlan.Palette(rng, [[250, 215, 170], [190, 220, 240], [235, 225, 245], [210, 235, 210]]);
        var scene = Glyph(plan.Motif.Main);
        var canvasW = w - 2 * (border + mat);
        var canvasH = h - 2 * (border + mat);
        var gradientY = Keep(layers, Keep(layers, Keep(layers, Image.Xyz(canvasW, canvasH))[1]).Cast(Enums.BandFormat.Float) / canvasH);
        var canvas = Keep(layers, Keep(layers, Keep(layers, Keep(layers, (1 - gradientY * 0.3) * sky).Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb)).Bandjoin(255));
        var fit = Math.Min(canvasW, canvasH) * 1.15 / scene.Width;
        var painted = Keep(layers, Keep(layers, Keep(layers, scene.Premultiply()).Resize(fit)).Unpremultiply());
        var paintedRgba = Keep(layers, Keep(layers, painted.Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb));
        var onCanvas = Keep(layers, canvas.Composite2(paintedRgba, Enums.BlendMode.Over, x: (canvasW - paintedRgba.Width) / 2, y: (canvasH - paintedRgba.Height) / 2));
        var whole = Keep(layers, Image.Black(w, h, bands: 3) + frame);
        var framed = Keep(layers, Keep(layers, Keep(layers, whole.Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb)).Bandjoin(255));
        var withMat = Keep(layers, framed.Mutate(m =>
        {
            m.DrawRect([245, 240, 228, 255], border, border, w - 2 * border, h - 2 * border, fill: true);
            m.DrawRect([frame[0] * 0.7, frame[1] * 0.7, frame[2] * 0.7, 255], border / 3, border / 3, w - 2 * (border / 3), h - 2 * (border / 3), fill: false);
        }));
        return Keep(layers, withMat.Composite2(Keep(layers, onCanvas.ExtractBand(0, n: 4)), Enums.BlendMode.Over, x: border + mat, y: border + mat));
    }

    /// <summary>A panel of iron fence: bars with round finials between two rails.</summary>
    static Image Fence(DemoPicturePlan plan, List<Image> layers)
    {
        var rng = new Random(plan.Seed);
        int w = 760, h = 560, bar = rng.Next(16, 26), gap = rng.Next(38, 60);
        double[] iron = [.. DemoPicturePlan.Palette(rng, [[40, 42, 48], [30, 60, 45], [70, 40, 35], [55, 55, 60]]), 255];
        var panel = Keep(layers, Image.Black(w, h, bands: 4).Copy(interpretation: Enums.Interpretation.Srgb));
        return Keep(layers, panel.Mutate(m =>
        {
            for (var x = bar; x < w - bar; x += bar + gap)
            {
                m.DrawRect(iron, x, 50, bar, h - 70, fill: true);
                m.DrawCircle(iron, x + bar / 2, 44, bar, fill: true);
            }
            m.DrawRect(iron, 0, 130, w, bar + 6, fill: true);
            m.DrawRect(iron, 0, h - 110, w, bar + 6, fill: true);
            for (var x = bar + (bar + gap) / 2; x < w - 2 * bar; x += 2 * (bar + gap))
                m.DrawCircle(iron, x, (130 + h - 110) / 2, gap / 2, fill: false);
        }));
    }

    /// <summary>A welded shelf: two posts, four boards, with a few things standing on it.</summary>
    Image Shelf(DemoPicturePlan plan, List<Image> layers)
    {
        var rng = new Random(plan.Seed);
        int w = 640, h = 720, post = rng.Next(18, 26);
        double[] iron = [.. DemoPicturePlan.Palette(rng, [[40, 42, 48], [25, 25, 28], [90, 95, 100]]), 255];
        double[] board = [.. DemoPicturePlan.Palette(rng, [[160, 115, 70], [200, 170, 120], [45, 48, 52]]), 255];
        var frame = Keep(layers, Image.Black(w, h, bands: 4).Copy(interpretation: Enums.Interpretation.Srgb));
        var levels = new[] { 150, 330, 510, h - 30 };
        var shelf = Keep(layers, frame.Mutate(m =>
        {
            m.DrawRect(iron, 20, 0, post, h, fill: true);
            m.DrawRect(iron, w - 20 - post, 0, post, h, fill: true);
            foreach (var level in levels) m.DrawRect(board, 10, level, w - 20, 22, fill: true);
        }));
        var companions = plan.Motif.Companions;
        for (var i = 0; i < levels.Length - 1; i++)
        {
            var thing = Glyph(companions[(i + plan.Seed) % companions.Length]);
            var size = rng.Next(110, 150);
            var small = Keep(layers, Keep(layers, Keep(layers, thing.Premultiply()).Resize(size / (double)thing.Width)).Unpremultiply());
            var rgba = Keep(layers, Keep(layers, small.Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb));
            shelf = Keep(layers, shelf.Composite2(rgba, Enums.BlendMode.Over, x: rng.Next(70, w - 70 - size), y: levels[i] - size + 6));
        }
        return shelf;
    }

    public void Dispose()
    {
        foreach (var glyph in glyphs.Values) glyph.Dispose();
        glyphs.Clear();
    }
}
