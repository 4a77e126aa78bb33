using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.People;
using PasKreatif.Questions;

namespace PasKreatif.Storefront.Pages.Shop.Questions;

/// <summary>The uncached page holding the question form of a cached product page.</summary>
public class AskModel(CatalogPages catalog, QuestionDesk desk, UserManager<Person> users, IStringLocalizer<TrustText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Question { get; set; }
    /// <summary>Set after the writer was warned about contact details in their text.</summary>
    [BindProperty] public bool ContactConfirmed { get; set; }
    public bool ContactWarning { get; private set; }
    public string ProductTitle { get; private set; } = "";
    public bool Sent { get; private set; }
    public bool IsGuest => User.Identity?.IsAuthenticated != true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (ContactDetails.Found(Question) && !ContactConfirmed)
        {
            ContactWarning = true; // the text stays in the form; a second send stores it, masked for the maker
            return Page();
        }
        try
        {
            var buyer = IsGuest ? (Guid?)null : Guid.Parse(users.GetUserId(User)!);
            var asker = new Asker(buyer, Email, Name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
                HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            await desk.AskAsync(Slug, asker, Question ?? "", ct);
            Sent = true;
            Question = null;
        }
        catch (QuestionRuleException e)
        {
            ModelState.AddModelError(e.Code == "EmailInvalid" ? nameof(Email) : nameof(Question), text["Rule." + e.Code]);
        }
        return Page();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        // Only the title: the form names the product and shows nothing else of its page.
        var title = await catalog.ProductTitleAsync(Slug, ct);
        ProductTitle = title ?? "";
        return title is not null;
    }
}
