namespace PasKreatif.Reviews;

/// <summary>The plain rules of a review: stars, lengths, the name shown, the average.</summary>
public static class ReviewRules
{
    public const int MaxText = 2000;
    public const int MaxReply = 1000;
    public const int MaxPhotos = 3;

    public static void Check(int stars, string? text)
    {
        if (stars is < 1 or > 5) throw new ReviewRuleException("Stars");
        if (text is { Length: > MaxText }) throw new ReviewRuleException("TextTooLong");
    }

    /// <summary>"Sari Wulandari" → "Sari W."; a single name stays as it is; nothing → "Pembeli".</summary>
    public static string ShownName(string? fullName)
    {
        var parts = (fullName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return "Pembeli";
        var first = parts[0].Length > 40 ? parts[0][..40] : parts[0];
        return parts.Length == 1 ? first : $"{first} {char.ToUpperInvariant(parts[^1][0])}.";
    }

    /// <summary>The average of approved stars, one decimal; null when there are none.</summary>
    public static decimal? Average(int count, int starTotal) =>
        count <= 0 ? null : Math.Round((decimal)starTotal / count, 1, MidpointRounding.AwayFromZero);
}
