using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;

namespace PasKreatif.Storefront.Pages.Seller.Listings;

/// <summary>The listing as buyers would see it once approved: the open revision's words and photos if any.</summary>
public class PreviewModel(CurrentMaker current, ListingEditor editor, IStringLocalizer<WorkspaceText> text) : WorkspacePage(current, text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public Listing Listing { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<ListingPhoto> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var listing = await editor.OwnAsync(MakerId, Id, ct);
        if (listing is null) return NotFound();
        Listing = listing;
        var open = listing.EditsInPlace() ? null : ListingEditor.OpenRevision(listing);
        Title = open?.Title ?? listing.Title;
        Description = open?.Description ?? listing.Description;
        Photos = ListingGallery.Working(listing);
        return Page();
    }
}
