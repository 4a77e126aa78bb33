using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class PeopleModel(PeopleDesk people, OrganisationDesk desk, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public AccountFields Account { get; set; } = new();
    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        People = await people.ListAsync(Q, ct);
        Offices = await desk.OfficesAsync(ct);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var id = Guid.Empty;
        var result = await RunAsync(async () => id = await people.CreateAsync(Account.ToForm(), ct), "AccountCreated", null, ct);
        return id == Guid.Empty ? result : RedirectToPage("/Administration/Changes/Person", new { id = id.ToString("N") });
    }
}

/// <summary>The account form as posted: roles and places as checkbox lists, so it works without JavaScript.</summary>
public sealed class AccountFields
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<int> OfficeIds { get; set; } = [];
    public List<int> GroupIds { get; set; } = [];

    public AccountForm ToForm() => new(UserName ?? "", DisplayName ?? "", Email, Roles, OfficeIds, GroupIds);
}
