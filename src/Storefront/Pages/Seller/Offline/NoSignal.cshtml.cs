using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PasKreatif.Storefront.Pages.Seller.Offline;

/// <summary>What the service worker shows for a workspace page the phone has not kept, while there is no signal.</summary>
public class NoSignalModel : PageModel
{
    public void OnGet() { }
}
