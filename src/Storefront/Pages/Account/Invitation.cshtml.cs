using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class InvitationModel(InvitationService invitations, SignInManager<Person> signIn, UserManager<Person> users, IStringLocalizer<ShopText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    /// <summary>Optional; it waits for a mentor's approval before it shows anywhere.</summary>
    [BindProperty] public string? Story { get; set; }

    public string? GroupName { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (problem, group) = await invitations.CheckAsync(Token, ct);
        GroupName = group;
        return Show(problem);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (problem, group) = await invitations.CheckAsync(Token, ct);
        GroupName = group;
        var input = new InvitationAcceptance(Token, UserName, DisplayName, Password, Email, Story);
        var errors = input.Validate();
        // A story beyond its limit has no field message of its own: the form as a whole asks to be checked.
        if (errors.Any(e => e.Field == nameof(Story))) ModelState.AddModelError("", text["CheckTheForm"]);
        ModelState.AddAccountErrors(errors.Where(e => e.Field != nameof(Story)), text, Field);
        if (problem != InvitationProblem.None || !ModelState.IsValid) return Show(problem);

        var result = await invitations.AcceptAsync(input, ct);
        switch (result.Problem)
        {
            case InvitationProblem.None:
                var person = await users.FindByIdAsync(result.Maker!.PersonId.ToString());
                await signIn.SignInAsync(person!, isPersistent: true);
                return RedirectToPage("/Seller/Index");
            case InvitationProblem.UserNameTaken:
                ModelState.AddModelError(nameof(UserName), text["UserNameTaken"]);
                return Page();
            case InvitationProblem.EmailTaken:
                ModelState.AddModelError(nameof(Email), text["EmailTaken"]);
                return Page();
            case InvitationProblem.InvalidPassword:
                ModelState.AddModelError(nameof(Password), text["PasswordHelp"]);
                return Page();
            case InvitationProblem.InvalidInput:
                ModelState.AddModelError("", text["CheckTheForm"]);
                return Page();
            default:
                return Show(result.Problem);
        }
    }

    static AccountField Field(string name) => name switch
    {
        nameof(DisplayName) => new("DisplayName", MakerName.MinLength, MakerName.MaxLength),
        nameof(UserName) => new("UserName", UserNameRule.MinLength, UserNameRule.MaxLength),
        nameof(Email) => new("EmailLabel"),
        _ => new("NewPassword", PasswordRule.MinLength, PasswordRule.MaxLength),
    };

    PageResult Show(InvitationProblem problem)
    {
        Problem = problem switch
        {
            InvitationProblem.None => null,
            InvitationProblem.Expired => text["InvitationExpired"].Value,
            InvitationProblem.AlreadyUsed => text["InvitationUsed"].Value,
            _ => text["InvitationUnknown"].Value,
        };
        if (problem == InvitationProblem.Unknown) Response.StatusCode = StatusCodes.Status404NotFound;
        else if (problem != InvitationProblem.None) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
