namespace PasKreatif.Domain.Tests.Architecture;

public class FolderDirectionTests
{
    /// <summary>Lower folders first; a folder may use only folders before it (and the root: Money, Slugs).</summary>
    static readonly string[] Order =
    [
        "Observability", "Persistence", "Media", "Mail", "Notifications", "People", "Organisation", "Makers", "Catalog", "Orders", "Payments", "Ledger",
        "Sharing", "Moderation", "Independence", "Reviews", "Questions", "Shopfront", "BackOffice", "Workspace", "Backup", "Demo",
    ];

    /// <summary>
    /// Arrows that point back today; the list only shrinks. Strike a line when its arrow is gone, so it cannot come back unnoticed.
    /// </summary>
    static readonly string[] KnownBackArrows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Architecture", "KnownBackArrows.txt"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    static IEnumerable<(string Arrow, string Example)> BackArrows() =>
        FolderDependencies.Arrows()
            .Where(a => Rank(a.Key.To) >= Rank(a.Key.From))
            .Select(a => ($"{a.Key.From} -> {a.Key.To}", a.Value))
            .OrderBy(a => a.Item1, StringComparer.Ordinal);

    static int Rank(string folder) => Array.IndexOf(Order, folder) is var i and >= 0 ? i : throw new InvalidOperationException($"Folder {folder} has no place in the order; give it one.");

    [Fact]
    public void No_new_arrow_points_back()
    {
        var fresh = BackArrows().Where(a => !KnownBackArrows.Contains(a.Arrow)).Select(a => $"{a.Arrow} ({a.Example})").ToList();
        Assert.True(fresh.Count == 0, "Domain folders must use only folders below them:\n" + string.Join("\n", fresh));
    }

    [Fact]
    public void Every_known_arrow_still_points_back()
    {
        // A known arrow that is gone must be struck, so the list stays the exact debt and cannot let it come back.
        var back = BackArrows().Select(a => a.Arrow).ToHashSet();
        var gone = KnownBackArrows.Where(a => !back.Contains(a)).ToList();
        Assert.True(gone.Count == 0, "Strike these from KnownBackArrows.txt, their arrows are gone:\n" + string.Join("\n", gone));
    }

    [Fact]
    public void Every_folder_has_a_place_in_the_order()
    {
        foreach (var (from, to) in FolderDependencies.Arrows().Keys) { Rank(from); Rank(to); }
    }

    [Fact]
    public void The_reader_sees_arrows_inside_method_bodies()
    {
        // Orders' checkout names Catalog's listings only inside its methods' bodies and queries.
        Assert.Contains(("Orders", "Catalog"), FolderDependencies.Arrows().Keys);
        Assert.Empty(FolderDependencies.Cycles([("A", "B"), ("B", "C")]));
        Assert.Equal(["A", "B", "C"], FolderDependencies.Cycles([("A", "B"), ("B", "C"), ("C", "A")]).Single());
    }

    [Fact]
    public void Prints_the_folder_map()
    {
        // Not an assertion: the map and the cycles in the test log, for whoever shortens the known list.
        var arrows = FolderDependencies.Arrows();
        var cycles = FolderDependencies.Cycles(arrows.Keys);
        var report = $"{arrows.Count} arrows, {BackArrows().Count()} back, {cycles.Count} cycle(s): " + string.Join(" | ", cycles.Select(c => $"{c.Count}: {string.Join(",", c)}"));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "folder-map.txt"), report + "\n" + string.Join("\n", BackArrows().Select(a => $"{a.Arrow}  ({a.Example})"))
            + "\n\nAll arrows:\n" + string.Join("\n", arrows.OrderBy(a => a.Key.From, StringComparer.Ordinal).ThenBy(a => a.Key.To, StringComparer.Ordinal).Select(a => $"{a.Key.From} -> {a.Key.To}  ({a.Value})")));
        Assert.NotEmpty(arrows);
    }
}
