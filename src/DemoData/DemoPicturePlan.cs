using PasKreatif.Catalog;

namespace PasKreatif.Demo;

enum Surface { Plain, Wood, Cloth, Mat }

/// <summary>The wall and the table the goods stand on; colours are RGB, the horizon a fraction of the height.</summary>
sealed record Backdrop(Surface Surface, double[] WallTop, double[] WallBottom, double[] Table, double Horizon, double Grain);

/// <summary>One thing in the picture: an artwork (or "painting", "fence", "shelf"), its size in pixels, angle and centre.</summary>
sealed record PlacedItem(string Artwork, int Pixels, double Angle, int X, int Y, bool Shadow, bool Mirror, bool Patterned);

/// <summary>
/// Where everything goes in one demo photo, decided from the goods and the variant alone (no drawing), so a test
/// can see that two cards differ and that a category shows its own kind of goods.
/// </summary>
sealed record DemoPicturePlan(DemoMotif Motif, Backdrop Backdrop, IReadOnlyList<PlacedItem> Items, int Seed, double[] PatternInk, bool Woven)
{
    const int Size = DemoPictures.Size;

    static readonly Dictionary<string, Surface[]> Surfaces = new()
    {
        [StandardCategories.Cakes] = [Surface.Wood, Surface.Cloth, Surface.Plain, Surface.Wood],
        [StandardCategories.ProcessedFood] = [Surface.Wood, Surface.Mat, Surface.Plain],
        [StandardCategories.FreshFish] = [Surface.Plain, Surface.Wood, Surface.Plain],
        [StandardCategories.RecycledCrafts] = [Surface.Mat, Surface.Wood, Surface.Plain],
        [StandardCategories.Handicrafts] = [Surface.Wood, Surface.Mat, Surface.Cloth],
        [StandardCategories.Sewing] = [Surface.Cloth, Surface.Plain, Surface.Wood],
        [StandardCategories.Hampers] = [Surface.Cloth, Surface.Wood, Surface.Plain],
        [StandardCategories.Paintings] = [Surface.Wood, Surface.Plain],
        [StandardCategories.Welding] = [Surface.Plain, Surface.Wood],
    };

    static readonly double[][] Walls = [[246, 238, 226], [232, 240, 236], [238, 234, 246], [250, 232, 222], [226, 236, 246], [244, 244, 238], [236, 226, 210]];
    static readonly double[][] Woods = [[150, 104, 66], [186, 140, 96], [112, 76, 50], [204, 166, 120]];
    static readonly double[][] Cloths = [[232, 224, 208], [210, 222, 232], [236, 214, 214], [220, 232, 210], [196, 120, 90]];
    static readonly double[][] Mats = [[214, 190, 140], [196, 170, 120], [170, 190, 130]];
    static readonly double[][] Plains = [[228, 232, 236], [244, 236, 224], [206, 226, 236], [120, 160, 96], [236, 236, 236]];
    static readonly double[][] Inks = [[120, 62, 30], [40, 50, 110], [150, 90, 30], [30, 80, 70], [110, 30, 40]];

    public static DemoPicturePlan For(string categorySlug, string title, int variant)
    {
        var motif = DemoMotifs.For(categorySlug, title);
        var seed = StableSeed($"{categorySlug}|{title}|{variant}");
        var rng = new Random(seed);
        var hanging = motif.Shape == MotifShape.Painting;
        var surface = Surfaces[categorySlug][rng.Next(Surfaces[categorySlug].Length)];
        var horizon = hanging ? Between(rng, 0.78, 0.86) : Between(rng, 0.42, 0.6);
        var wall = Jitter(rng, Walls[rng.Next(Walls.Length)]);
        var table = Jitter(rng, (surface switch { Surface.Wood => Woods, Surface.Cloth => Cloths, Surface.Mat => Mats, _ => Plains })[rng.Next(4) % 3]);
        var backdrop = new Backdrop(surface, wall, [.. wall.Select(c => c * 0.9)], table, horizon, Between(rng, 0.5, 2));

        var behind = new List<PlacedItem>();
        var front = new List<PlacedItem>();
        var slots = new List<(double X, bool Front)> { (0.17, false), (0.83, false), (0.2, true), (0.8, true) }.OrderBy(_ => rng.Next()).ToList();
        var companions = motif.Shape == MotifShape.Shelf ? 0 : 1 + rng.Next(Math.Min(3, motif.Companions.Length));
        for (var i = 0; i < companions; i++)
        {
            var (x, inFront) = slots[i];
            var pixels = (int)(Size * Between(rng, 0.15, 0.24));
            var y = inFront ? (int)(Size * Between(rng, 0.8, 0.86)) : (int)(Size * Math.Min(horizon + Between(rng, 0.02, 0.08), 0.9));
            if (hanging) y = (int)(Size * Between(rng, 0.84, 0.88)); // brushes and palette lie on the floor below the painting
            var item = new PlacedItem(motif.Companions[(i + variant) % motif.Companions.Length], pixels, Between(rng, -25, 25),
                (int)(Size * (x + Between(rng, -0.04, 0.04))), Math.Min(y, Size - pixels / 2 - 8), true, rng.Next(2) == 0, false);
            (inFront ? front : behind).Add(item);
        }

        var mains = new List<PlacedItem>();
        var count = motif.Count == 1 ? 1 : 1 + rng.Next(motif.Count);
        for (var i = 0; i < count; i++)
        {
            var (artwork, share, angle) = motif.Shape switch
            {
                MotifShape.Painting => ("painting", Between(rng, 0.6, 0.72), Between(rng, -3, 3)),
                MotifShape.Fence => ("fence", Between(rng, 0.7, 0.82), Between(rng, -5, 5)),
                MotifShape.Shelf => ("shelf", Between(rng, 0.66, 0.78), Between(rng, -2, 2)),
                _ => (motif.Main, count == 1 ? Between(rng, 0.46, 0.62) : Between(rng, 0.32, 0.42), Between(rng, -18, 18)),
            };
            var pixels = (int)(Size * share);
            var spread = count == 1 ? 0 : (i - (count - 1) / 2.0) * pixels * 0.7;
            var x = (int)(Size * Between(rng, 0.42, 0.58) + spread);
            var y = hanging ? (int)(Size * Between(rng, 0.38, 0.44))
                : (int)Math.Min(Size * horizon + pixels * Between(rng, 0.0, 0.2) + i % 2 * pixels * 0.15, Size - pixels * 0.55);
            mains.Add(new PlacedItem(artwork, pixels, angle, Math.Clamp(x, pixels / 3, Size - pixels / 3), y, true,
                motif.Shape == MotifShape.Glyph && rng.Next(3) == 0, motif.Patterned));
        }
        return new DemoPicturePlan(motif, backdrop, [.. behind, .. mains, .. front], seed, Inks[rng.Next(Inks.Length)], title.Contains("anyam", StringComparison.OrdinalIgnoreCase) || title.Contains("tikar", StringComparison.OrdinalIgnoreCase));
    }

    public static double[] Palette(Random rng, double[][] choices) => Jitter(rng, choices[rng.Next(choices.Length)]);

    static double Between(Random rng, double low, double high) => low + rng.NextDouble() * (high - low);

    static double[] Jitter(Random rng, double[] colour) => [.. colour.Select(c => Math.Clamp(c + rng.Next(-12, 13), 0, 255))];

    /// <summary>FNV-1a: the same picture on every machine and run, unlike string.GetHashCode.</summary>
    static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
