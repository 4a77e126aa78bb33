using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PasKreatif.Catalog;
using PasKreatif.Media;

namespace PasKreatif.Storefront.Pages.Shop;

/// <summary>Canonical link, Open Graph tags and optional JSON-LD of a public page.</summary>
public sealed record SeoTags(string Canonical, string Title, string Description, string Type = "website", string? Image = null, string? JsonLd = null)
{
    // Escapes <, > and & as \u003C...: the JSON can never close its script element.
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin) };

    public static string Describe(string text, int max = 160)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>schema.org Product with its offer: price in rupiah and availability.</summary>
    public static string ProductJsonLd(ProductDetail p, string canonical, string baseUrl, string sellerName, Reviews.RatingSummary? rating = null)
    {
        var product = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = p.Title,
            ["description"] = Describe(p.Description, 500),
            ["sku"] = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["url"] = canonical,
            ["category"] = p.Category.NameId,
            ["image"] = p.Photos.Select(ph => baseUrl + "/media/" + PhotoSizes.Key(ph.Hash, 1280, "jpg")).ToArray(),
            ["brand"] = new Dictionary<string, object?> { ["@type"] = "Brand", ["name"] = sellerName },
            ["offers"] = new Dictionary<string, object?>
            {
                ["@type"] = "Offer",
                ["url"] = canonical,
                ["priceCurrency"] = "IDR",
                ["price"] = p.Price.Amount.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
                // Made to order is orderable now; it only ships after its lead time.
                ["availability"] = p.InStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
                ["itemCondition"] = "https://schema.org/NewCondition",
                ["seller"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = "PAS Kreatif" },
            },
        };
        // Only approved reviews count: the summary comes from the listing's maintained columns.
        if (rating is { Count: > 0, Average: { } average })
            product["aggregateRating"] = new Dictionary<string, object?>
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = average.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                ["reviewCount"] = rating.Count,
                ["bestRating"] = 5,
                ["worstRating"] = 1,
            };
        return JsonSerializer.Serialize(product, Json);
    }
}
