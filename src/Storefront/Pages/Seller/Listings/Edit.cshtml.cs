using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;

namespace PasKreatif.Storefront.Pages.Seller.Listings;

public class EditModel(CurrentMaker current, ListingEditor editor, IStringLocalizer<WorkspaceText> text)
    : ListingFormPage(current, editor, text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public bool NeedsReview { get; private set; }
    /// <summary>What an edit kept offline is made over: the edit version and the title as this page shows them.</summary>
    public int Version { get; private set; }
    public string ShownTitle { get; private set; } = "";
    public bool CanAddPhotos { get; private set; }

    void Show(Listing listing)
    {
        var open = ListingEditor.OpenRevision(listing);
        Version = listing.EditVersion;
        ShownTitle = (listing.EditsInPlace() ? null : open?.Title) ?? listing.Title;
        CanAddPhotos = listing.Status != ListingStatus.Archived && open?.Status != RevisionStatus.Submitted;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var listing = await Editor.OwnAsync(MakerId, Id, ct);
        if (listing is null) return NotFound();
        if (listing.Status == ListingStatus.Archived) return RedirectToPage("/Seller/Listings/Detail", new { id = Id });
        Form = ListingForm.From(listing, listing.EditsInPlace() ? null : ListingEditor.OpenRevision(listing));
        NeedsReview = !listing.EditsInPlace();
        Show(listing);
        await LoadChoicesAsync(NeedsReview, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var listing = await Editor.OwnAsync(MakerId, Id, ct);
        if (listing is null) return NotFound();
        NeedsReview = !listing.EditsInPlace();
        Show(listing);
        if (ModelState.IsValid)
        {
            try
            {
                await Editor.UpdateAsync(MakerId, Id, PersonId, Form.ToDraft(), ct);
                Done = Text[NeedsReview ? "Saved.Revision" : "Saved.Draft"];
                return RedirectToPage("/Seller/Listings/Detail", new { id = Id });
            }
            catch (ListingDraftException e) { ShowErrors(e.Errors); }
            catch (ListingRuleException e) { ModelState.AddModelError("", Text["Rule." + e.Code]); }
        }
        else ShowErrors(ListingDrafts.Check(Form.ToDraft()));
        await LoadChoicesAsync(NeedsReview, ct);
        return Page();
    }
}
