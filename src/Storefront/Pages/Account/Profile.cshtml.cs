using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

[Authorize]
public class ProfileModel(BuyerAccounts accounts, UserManager<Person> users, IStringLocalizer<BuyerText> text) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<BuyerAddress> Addresses { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public string? AddressText { get; set; }
    [TempData] public string? AccountNotice { get; set; }
    public string? Notice { get; private set; }

    Guid PersonId => Guid.Parse(users.GetUserId(User)!);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (AccountNotice is { } key) Notice = text["Notice." + key];
        await LoadAsync(ct);
        Name = Person.DisplayName;
        Phone = Person.PhoneNumber;
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await accounts.UpdateProfileAsync(PersonId, Name, Phone, ct);
        if (outcome == SignUpOutcome.Done) return Done("Saved");
        ModelState.AddModelError(outcome == SignUpOutcome.NameInvalid ? nameof(Name) : nameof(Phone), text[outcome.ToString()]);
        return await InvalidAsync(ct);
    }

    public async Task<IActionResult> OnPostAddressAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await accounts.AddAddressAsync(PersonId, Label, AddressText, ct) is not { } problem) return Done("AddressSaved");
        ModelState.AddModelError(problem == "AddressLabelInvalid" ? nameof(Label) : nameof(AddressText), text[problem]);
        return await InvalidAsync(ct, keepProfile: false);
    }

    public async Task<IActionResult> OnPostRemoveAddressAsync(int addressId, CancellationToken ct)
    {
        await accounts.RemoveAddressAsync(PersonId, addressId, ct);
        return Done("AddressRemoved");
    }

    RedirectToPageResult Done(string notice)
    {
        AccountNotice = notice;
        return RedirectToPage();
    }

    async Task<IActionResult> InvalidAsync(CancellationToken ct, bool keepProfile = true)
    {
        var (name, phone) = (Name, Phone);
        await LoadAsync(ct);
        (Name, Phone) = keepProfile ? (name, phone) : (Person.DisplayName, Person.PhoneNumber);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Person = (await users.GetUserAsync(User))!;
        Addresses = await accounts.AddressesAsync(PersonId, ct);
    }
}
