using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Media;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class ProductModel(PasKreatif.Shopfront.ProductPages pages, UnavailableListings unavailable, PasKreatif.Questions.ProductTrust trust) : PageModel
{
    /// <summary>The width the gallery's img carries; the browser picks the file from srcset.</summary>
    public const int GalleryWidth = 640;

    public ProductPage Data { get; private set; } = null!;
    public ProductDetail Product => Data.Product;
    public string Published { get; private set; } = "";
    public TrustView Trust { get; private set; } = null!;
    /// <summary>A paused or archived product's old link: a notice and goods like it instead of "page not found".</summary>
    public UnavailableProduct? Gone { get; private set; }
    /// <summary>Goods like a sold-out product, shown under its notice.</summary>
    public IReadOnlyList<ListingCard> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // A link to a product not on sale is answered from memory: no query until the catalogue changes.
        var data = unavailable.Remembered(slug) is null ? await pages.ProductAsync(slug, ct) : null;
        if (data is null)
        {
            Gone = await unavailable.BySlugAsync(slug, ct);
            if (Gone is null) return NotFound();
            if (Gone.Archived) Response.StatusCode = StatusCodes.Status410Gone; // gone for good; a paused one may come back
            return Page();
        }
        Data = data;
        if (!data.Product.InStock) Similar = await unavailable.SimilarToAsync(data.Product.Id, ct);
        // The stock count shows here alone: a sale that leaves stock above zero evicts this page, not the lists.
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CatalogHosting.ListingTag(data.Product.Id));
        var (board, answers) = await trust.ForProductAsync(data.Product, ct);
        Trust = new TrustView(board, answers, Url.Page("/Shop/Questions/Ask", new { slug })!);
        Published = ZoneChoice.Format(data.Product.PublishedAt, ZoneChoice.Of(HttpContext));
        return Page();
    }

    /// <summary>Each stored size at its true width: a small original is never scaled up by the pipeline.</summary>
    public static string SrcSet(ProductPhoto photo, string extension) =>
        string.Join(", ", PhotoSizes.Widths.Select(w => $"/media/{PhotoSizes.Key(photo.Hash, w, extension)} {Math.Min(w, photo.Width)}w").Distinct());

    public static int ShownWidth(ProductPhoto photo) => Math.Min(GalleryWidth, photo.Width);

    public static int ShownHeight(ProductPhoto photo) =>
        photo.Width > 0 ? (int)Math.Round(ShownWidth(photo) * (double)photo.Height / photo.Width) : GalleryWidth;
}
