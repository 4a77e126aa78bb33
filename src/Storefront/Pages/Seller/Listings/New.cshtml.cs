using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;

namespace PasKreatif.Storefront.Pages.Seller.Listings;

public class NewModel(CurrentMaker current, ListingEditor editor, IStringLocalizer<WorkspaceText> text)
    : ListingFormPage(current, editor, text)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        await LoadChoicesAsync(false, ct);
        Form = new ListingForm { Stock = 1, WeightGrams = 500, Pickup = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                var listing = await Editor.CreateAsync(MakerId, PersonId, Form.ToDraft(), ct);
                Done = Text["Saved.Draft"];
                return RedirectToPage("/Seller/Listings/Detail", new { id = listing.Id });
            }
            catch (ListingDraftException e) { ShowErrors(e.Errors); }
        }
        else ShowErrors(ListingDrafts.Check(Form.ToDraft()));
        await LoadChoicesAsync(false, ct);
        return Page();
    }
}
