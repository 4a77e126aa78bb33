using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PasKreatif.Storefront.Pages.Errors;

public class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}
