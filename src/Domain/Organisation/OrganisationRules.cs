namespace PasKreatif.Organisation;

/// <summary>What still uses an office, regency, group, programme or category, by kind ("Listings", "Makers"...) and count.</summary>
public sealed class StillInUseException(IReadOnlyDictionary<string, int> uses) : Exception("Still in use: " + string.Join(", ", uses.Select(u => $"{u.Key} {u.Value}")))
{
    public IReadOnlyDictionary<string, int> Uses { get; } = uses;
}

/// <summary>The plain rules of shaping the platform, kept apart from the database so they can be tested alone.</summary>
public static class OrganisationRules
{
    public const int MaxName = 120;
    public const int MaxPickupAddress = 300;
    public const int MaxProgrammeStory = 4000;

    public static string Name(string? name)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length is < 2 or > MaxName ? throw new MakerRuleException("NameLength") : trimmed;
    }

    public static string PickupAddress(string? address)
    {
        var trimmed = (address ?? "").Trim();
        return trimmed.Length is 0 or > MaxPickupAddress ? throw new MakerRuleException("PickupAddressRequired") : trimmed;
    }

    /// <summary>A group keeps 0% up to below 100% of each sale, with at most two decimals.</summary>
    public static decimal FeePercent(decimal fee) =>
        fee is < 0 or >= 100 || decimal.Round(fee, 2) != fee ? throw new MakerRuleException("FeePercentRange") : fee;

    public static string Story(string? story)
    {
        var trimmed = (story ?? "").Trim();
        return trimmed.Length > MaxProgrammeStory ? throw new MakerRuleException("StoryTooLong") : trimmed;
    }

    /// <summary>Refuses a removal while anything still points at the row; a removal never takes history with it.</summary>
    public static void RefuseWhileUsed(IReadOnlyDictionary<string, int> uses)
    {
        var inUse = uses.Where(u => u.Value > 0).ToDictionary(u => u.Key, u => u.Value);
        if (inUse.Count > 0) throw new StillInUseException(inUse);
    }
}
