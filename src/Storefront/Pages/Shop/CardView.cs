using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PasKreatif.Catalog;
using PasKreatif.Media;

namespace PasKreatif.Storefront.Pages.Shop;

/// <summary>A product card, with the title's matched words when it comes from a search.</summary>
public sealed record CardView(ListingCard Card, IReadOnlyList<TextPart>? Title = null)
{
    public const int Width = 320;

    public string? WebP => Card.PhotoHash is { } hash ? "/media/" + PhotoSizes.Key(hash, Width, "webp") : null;
    public string? Jpeg => Card.PhotoHash is { } hash ? "/media/" + PhotoSizes.Key(hash, Width, "jpg") : null;
    /// <summary>The title, its matched words in &lt;mark&gt;; every piece HTML-encoded.</summary>
    public IHtmlContent TitleHtml()
    {
        if (Title is not { Count: > 0 } parts) return new HtmlString(HtmlEncoder.Default.Encode(Card.Title));
        var html = new StringBuilder();
        foreach (var part in parts)
            html.Append(part.Matched ? "<mark>" + HtmlEncoder.Default.Encode(part.Text) + "</mark>" : HtmlEncoder.Default.Encode(part.Text));
        return new HtmlString(html.ToString());
    }

    public int Height => Card.PhotoWidth > 0 ? (int)Math.Round(Width * (double)Card.PhotoHeight / Card.PhotoWidth) : Width;
}
