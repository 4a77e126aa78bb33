using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;

namespace PasKreatif.Storefront.Pages.Seller.Listings;

/// <summary>The create and edit pages share the form, its choices and its error display.</summary>
public abstract class ListingFormPage(CurrentMaker current, ListingEditor editor, IStringLocalizer<WorkspaceText> text)
    : WorkspacePage(current, text)
{
    [BindProperty] public ListingForm Form { get; set; } = new();
    public ListingFormChoices Choices { get; private set; } = new([], [], false);
    protected ListingEditor Editor => editor;

    protected async Task LoadChoicesAsync(bool programmeFixed, CancellationToken ct)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var categories = await editor.CategoriesAsync(english, ct);
        var programmes = await editor.ProgrammesAsync(MakerId, ct);
        Choices = new ListingFormChoices(
            categories.Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            programmes.Select(p => new SelectListItem(p.Name, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(), programmeFixed);
    }

    protected void ShowErrors(IEnumerable<InputError> errors) =>
        ListingFormErrors.Show(ModelState, Form, errors, Text);
}
