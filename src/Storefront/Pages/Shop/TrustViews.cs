using PasKreatif.Questions;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Shop;

/// <summary>A page's share links: WhatsApp with title and canonical address, and the address to copy.</summary>
public sealed record ShareView(string Title, string Canonical)
{
    public string WhatsApp => Sharing.ShareLinks.WhatsApp(Title, Canonical);
}

/// <summary>Reviews and public answers under a product or on a maker's page.</summary>
public sealed record TrustView(ReviewBoard Reviews, IReadOnlyList<PublicAnswer> Answers, string? AskLink, bool ShowListingTitles = false)
{
    public static string Stars(int stars) => new string('★', stars) + new string('☆', 5 - stars);

    public static string Average(decimal? average) =>
        average?.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) ?? "–";
}
