namespace PasKreatif.Demo;

/// <summary>How much demo data to make; see shared/demo-data.md.</summary>
public sealed record DemoTier(string Name, int Offices, int Groups, int Makers, int Listings, int Orders, int Pictures)
{
    public static readonly DemoTier Tiny = new("tiny", 2, 3, 10, 40, 60, 18);
    public static readonly DemoTier Demo = new("demo", 5, 15, 120, 1_000, 3_000, 96); // two pictures of most products, so neighbouring cards differ
    public static readonly DemoTier Bench = new("bench", 5, 150, 5_000, 100_000, 300_000, 60);
    /// <summary>Ten times the bench tier's catalogue, for the scale measurements; orders grow only threefold.</summary>
    public static readonly DemoTier Million = new("million", 5, 300, 20_000, 1_000_000, 1_000_000, 60);

    public static DemoTier? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "demo" => Demo,
        "bench" => Bench,
        "million" => Million,
        _ => null,
    };
}

public sealed class DemoOptions : ISettingGroup
{
    public const string Section = "Demo";

    /// <summary>tiny, demo, bench or million; empty loads nothing.</summary>
    public string? Tier { get; set; }
    /// <summary>"The last 12 months" count back from here; unset, from the moment of loading, so they end in
    /// the current month. Pinned, two loads give identical rows (tests pin it).</summary>
    public DateOnly? AnchorDate { get; set; }
    public int Seed { get; set; } = 2026;
    /// <summary>The password of every demo account; printed by ./run.sh.</summary>
    public string Password { get; set; } = "PasKreatif-2026";
    /// <summary>The folder of Twemoji's SVG files the demo photos are drawn from; unset, tools/twemoji's npm package.</summary>
    public string? Artwork { get; set; }

    public IEnumerable<string?> Problems(string section) =>
    [
        string.IsNullOrWhiteSpace(Tier) || DemoTier.Parse(Tier) is not null ? null : $"{section}:{nameof(Tier)} must be tiny, demo, bench, million or empty, not \"{Tier}\".",
    ];
}
