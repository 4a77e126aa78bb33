using NetVips;
using PasKreatif.Catalog;

namespace PasKreatif.Demo;

/// <summary>Draws the demo photo pool: shapes and colours by category plus the product's name.</summary>
static class DemoPictures
{
    const int Size = 960;

    static readonly Dictionary<string, (double[] Background, double[] Shape, double[] Accent)> Palettes = new()
    {
        [StandardCategories.Cakes] = ([246, 226, 200], [196, 98, 45], [120, 170, 90]),
        [StandardCategories.ProcessedFood] = ([238, 220, 180], [150, 90, 40], [200, 60, 40]),
        [StandardCategories.FreshFish] = ([200, 225, 235], [60, 110, 160], [230, 235, 240]),
        [StandardCategories.RecycledCrafts] = ([215, 235, 210], [60, 140, 80], [240, 180, 60]),
        [StandardCategories.Handicrafts] = ([240, 228, 210], [150, 110, 70], [70, 80, 140]),
        [StandardCategories.Sewing] = ([230, 225, 245], [70, 70, 150], [200, 80, 90]),
        [StandardCategories.Hampers] = ([250, 235, 215], [180, 60, 60], [220, 170, 60]),
        [StandardCategories.Paintings] = ([245, 240, 230], [40, 90, 140], [230, 140, 60]),
        [StandardCategories.Welding] = ([225, 228, 232], [70, 75, 85], [230, 120, 40]),
    };

    public static byte[] Draw(string categorySlug, string label, int variant)
    {
        var (background, shape, accent) = Palettes[categorySlug];
        var random = new Random(variant * 7919 + label.Length); // stable across runs, unlike HashCode
        using var black = (Image.Black(Size, Size, bands: 3) + background).Cast(Enums.BandFormat.Uchar);
        using var canvas = black.Copy(interpretation: Enums.Interpretation.Srgb);
        using var drawn = canvas.Mutate(m =>
        {
            for (var i = 0; i < 4; i++)
            {
                var colour = i % 2 == 0 ? shape : accent;
                var radius = random.Next(90, 240);
                m.DrawCircle(colour, random.Next(radius, Size - radius), random.Next(radius, Size - 260), radius, fill: true);
            }
            m.DrawRect(shape, 0, Size - 200, Size, 200, fill: true);
        });
        using var text = LabelImage(label);
        using var final = text is null ? drawn.Copy() : drawn.Composite2(text, Enums.BlendMode.Over, x: 48, y: Size - 160);
        return final.JpegsaveBuffer(q: 85);
    }

    static Image? LabelImage(string label)
    {
        try
        {
            using var mask = Image.Text(label, font: "sans bold 60", width: Size - 96, dpi: 72);
            // White text with the mask as its alpha channel.
            using var white = (mask.NewFromImage(255, 255, 255)).Cast(Enums.BandFormat.Uchar);
            using var rgba = white.Bandjoin(mask);
            return rgba.Copy(interpretation: Enums.Interpretation.Srgb);
        }
        catch (VipsException)
        {
            return null; // no text rendering on this machine: the picture stays without a label
        }
    }
}
