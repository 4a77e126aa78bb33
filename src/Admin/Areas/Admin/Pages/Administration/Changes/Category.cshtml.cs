using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Catalog;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class CategoryModel(OrganisationEdits edits, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? NameId { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public int Position { get; set; }
    [BindProperty] public bool Perishable { get; set; }
    [BindProperty] public bool UsuallyMadeToOrder { get; set; }
    [BindProperty] public bool OneOfAKind { get; set; }

    // The rule checks both names with one message; it stands beside the Indonesian one, checked first.
    protected override string FieldOf(string code) => code == "NameLength" ? "NameId" : base.FieldOf(code);
    public Category Category { get; private set; } = new();

    protected override async Task LoadAsync(CancellationToken ct) => Category = await edits.CategoryAsync(Id, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (NameId, NameEn, Position) = (Category.NameId, Category.NameEn, Category.Position);
        (Perishable, UsuallyMadeToOrder, OneOfAKind) = (Category.Perishable, Category.UsuallyMadeToOrder, Category.OneOfAKind);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(() => edits.EditCategoryAsync(Id, new CategoryEdit(NameId ?? "", NameEn ?? "", Position, Perishable, UsuallyMadeToOrder, OneOfAKind), ct), "Saved", null, ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(() => edits.RemoveCategoryAsync(Id, ct), "Removed", "/Administration/Index", ct);
}
