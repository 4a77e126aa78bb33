using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Media;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class ProductModel(CatalogPages pages, PasKreatif.Reviews.ReviewQueries reviews) : PageModel
{
    /// <summary>The width the gallery's img carries; the browser picks the file from srcset.</summary>
    public const int GalleryWidth = 640;

    public ProductPage Data { get; private set; } = null!;
    public ProductDetail Product => Data.Product;
    public string Published { get; private set; } = "";
    public TrustView Trust { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var data = await pages.ProductAsync(slug, ct);
        if (data is null) return NotFound();
        Data = data;
        // The stock count shows here alone: a sale that leaves stock above zero evicts this page, not the lists.
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CatalogHosting.ListingTag(data.Product.Id));
        var (board, answers) = await reviews.ForProductAsync(data.Product.Id, ct);
        Trust = new TrustView(board, answers, $"/produk/{slug}/tanya");
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
