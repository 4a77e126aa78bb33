using PasKreatif.Catalog;
using PasKreatif.Media;

namespace PasKreatif.Storefront.Pages.Shop;

/// <summary>A product card, with the title's matched words when it comes from a search.</summary>
public sealed record CardView(ListingCard Card, IReadOnlyList<TextPart>? Title = null)
{
    public const int Width = 320;

    public string? WebP => Card.PhotoHash is { } hash ? "/media/" + PhotoSizes.Key(hash, Width, "webp") : null;
    public string? Jpeg => Card.PhotoHash is { } hash ? "/media/" + PhotoSizes.Key(hash, Width, "jpg") : null;
    public int Height => Card.PhotoWidth > 0 ? (int)Math.Round(Width * (double)Card.PhotoHeight / Card.PhotoWidth) : Width;
}
