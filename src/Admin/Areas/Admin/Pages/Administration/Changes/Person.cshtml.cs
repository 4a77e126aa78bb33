using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class PersonModel(PeopleDesk people, OrganisationDesk desk, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AccountFields Account { get; set; } = new();
    public AccountView View { get; private set; } = null!;
    public IReadOnlyList<Office> Offices { get; private set; } = [];
    /// <summary>Shown once in the answer to the request that made it; never stored.</summary>
    public PasswordLink? Link { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        View = await people.AccountAsync(Id, ct);
        Offices = await desk.OfficesAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Account = new AccountFields
        {
            UserName = View.Person.UserName, DisplayName = View.Person.DisplayName, Email = View.Person.Email,
            Roles = View.Person.Roles.Where(Roles.Assignable.Contains).ToList(), OfficeIds = View.OfficeIds.ToList(), GroupIds = View.GroupIds.ToList(),
        };
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(() => people.EditAsync(Id, Account.ToForm(), ct), "Saved", null, ct);

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) =>
        RunAsync(() => people.SetLockedAsync(Id, true, Actor, ct), "AccountLocked", null, ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        RunAsync(() => people.SetLockedAsync(Id, false, Actor, ct), "AccountUnlocked", null, ct);

    public async Task<IActionResult> OnPostPasswordLinkAsync(CancellationToken ct)
    {
        Link = await people.PasswordLinkAsync(Id, ct);
        await OnGetAsync(ct);
        return Page();
    }

    Guid Actor => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
