using PasKreatif.Catalog;

namespace PasKreatif.Demo;

/// <summary>How a motif is drawn: a Twemoji glyph alone, a glyph framed as a painting, or ironwork drawn from bars.</summary>
enum MotifShape { Glyph, Painting, Fence, Shelf }

/// <summary>
/// What a demo photo of some goods shows: a main Twemoji artwork (file name = code points in hex), companions
/// placed around it, how many of the main item lie together, and a woven or batik cloth pattern over it.
/// </summary>
sealed record DemoMotif(string Main, string[] Companions, MotifShape Shape = MotifShape.Glyph, int Count = 1, bool Patterned = false);

/// <summary>Goods to motif: the product's name first (a cookie is not a cake), its category otherwise.</summary>
static class DemoMotifs
{
    // Order matters where words overlap: "masker kain tiga lapis" is a mask, "dompet bungkus kopi" a purse, "abon ikan" a jar, "parsel natal" a Christmas hamper.
    static readonly (string Word, DemoMotif Motif)[] ByWord =
    [
        ("masker", new("1f637", ["1f9f5", "1faa1"])),
        ("bolu", new("1f382", ["1f33f", "1f375"])),
        ("lapis", new("1f370", ["2615", "1f374"])),
        ("nastar", new("1f36a", ["1f34d", "1f36a"], Count: 3)),
        ("klepon", new("1f361", ["1f965", "1f33f"])),
        ("brownies", new("1f36b", ["1f95b", "1f36b"])),
        ("donat", new("1f369", ["2615", "1f369"], Count: 2)),
        ("kue bawang", new("1f968", ["1f9c4", "1f968"], Count: 2)),
        ("dompet", new("1f45b", ["267b", "2615"])),
        ("keripik", new("1f954", ["1f336", "1f954"], Count: 2)),
        ("kopi", new("2615", ["1fad8", "1fad8"])),
        ("gula", new("1f36f", ["1f944", "1f965"])),
        ("sambal", new("1fad9", ["1f336", "1f9c4"])),
        ("abon", new("1f96b", ["1f41f", "1f944"])),
        ("emping", new("1f358", ["1f358", "1f33f"], Count: 3)),
        ("kerapu", new("1f420", ["1f34b", "1f9ca"])),
        ("ikan", new("1f41f", ["1f34b", "1f33f", "1f9ca"], Count: 2)),
        ("tas belanja", new("1f6cd", ["267b", "1f96c"])),
        ("bunga", new("1f490", ["1f33c", "267b", "1f338"])),
        ("pensil", new("270f", ["1f58d", "267b"], Count: 3)),
        ("keranjang", new("1f9fa", ["1f4f0", "267b"])),
        ("tikar", new("1f9fa", ["267b", "1f33f"], Patterned: true)),
        ("tas anyaman", new("1f45c", ["1f33f", "1f338"], Patterned: true)),
        ("gantungan", new("1f511", ["1f5dd", "1fab5"], Count: 2)),
        ("kotak tisu", new("1fab5", ["1f9fb", "1f33f"])),
        ("gelang", new("1f4ff", ["1f48e", "1f4ff"])),
        ("tatakan", new("1f375", ["1fab5", "1f33f"])),
        ("kemeja", new("1f455", ["1f9f5", "1faa1"], Patterned: true)),
        ("tas kain", new("1f45d", ["1f9f5", "1f9f6"], Patterned: true)),
        ("daster", new("1f457", ["1f9f5", "1f338"], Patterned: true)),
        ("seragam", new("1f454", ["1f392", "270f"])),
        ("bantal", new("1f6cb", ["1f9f5", "1f9f6"], Patterned: true)),
        ("parsel natal", new("1f381", ["1f384", "1f36a", "1f380"])),
        ("parsel", new("1f381", ["1f36a", "1f380", "1f319"])),
        ("suvenir", new("1f380", ["1f56f", "1f48d", "1f338"])),
        ("dupa", new("1fa94", ["1f338", "1f56f"])),
        ("sawah", new("1f3de", ["1f3a8", "1f58c"], MotifShape.Painting)),
        ("penari", new("1f483", ["1f3a8", "1f58c"], MotifShape.Painting)),
        ("pantai", new("1f305", ["1f3a8", "1f58c"], MotifShape.Painting)),
        ("gunung", new("1f30b", ["1f3a8", "1f58c"], MotifShape.Painting)),
        ("pagar", new("", ["1f527", "1f529"], MotifShape.Fence)),
        ("rak besi", new("", ["1fab4", "1f4e6", "1f4da"], MotifShape.Shelf)),
        ("teralis", new("1fa9f", ["1f527", "1f529"])),
        ("meja", new("1fa91", ["1f6e0", "1f529"])),
    ];

    static readonly Dictionary<string, DemoMotif> ByCategory = new()
    {
        [StandardCategories.Cakes] = new("1f370", ["2615", "1f33f"]),
        [StandardCategories.ProcessedFood] = new("1fad9", ["1f336", "1f944"]),
        [StandardCategories.FreshFish] = new("1f41f", ["1f34b", "1f9ca"], Count: 2),
        [StandardCategories.RecycledCrafts] = new("1f490", ["267b", "1f33c"]),
        [StandardCategories.Handicrafts] = new("1f45c", ["1f33f"], Patterned: true),
        [StandardCategories.Sewing] = new("1f455", ["1f9f5", "1faa1"], Patterned: true),
        [StandardCategories.Hampers] = new("1f381", ["1f380", "1f36a"]),
        [StandardCategories.Paintings] = new("1f3de", ["1f3a8", "1f58c"], MotifShape.Painting),
        [StandardCategories.Welding] = new("", ["1f527", "1f529"], MotifShape.Fence),
    };

    public static IReadOnlyCollection<string> Categories => ByCategory.Keys;

    public static DemoMotif For(string categorySlug, string title) =>
        ByTitle(title) ?? (ByCategory.TryGetValue(categorySlug, out var fallback) ? fallback
            : throw new ArgumentException($"No demo motif for category '{categorySlug}'.", nameof(categorySlug)));

    /// <summary>The motif a word of the title names, or null when only the category tells.</summary>
    public static DemoMotif? ByTitle(string title)
    {
        var lower = title.ToLowerInvariant();
        foreach (var (word, motif) in ByWord)
            if (lower.Contains(word, StringComparison.Ordinal)) return motif;
        return null;
    }

    /// <summary>Every artwork the motifs use, so a missing file is found before a load starts.</summary>
    public static IEnumerable<string> Artworks() =>
        ByWord.Select(w => w.Motif).Concat(ByCategory.Values)
            .SelectMany(m => m.Companions.Append(m.Main)).Where(a => a.Length > 0).Distinct();
}
