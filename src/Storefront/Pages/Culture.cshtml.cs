using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages;

/// <summary>The language switch: a plain link, so it works without JavaScript.</summary>
public class CultureModel : PageModel
{
    public IActionResult OnGet(string culture, [FromQuery(Name = "kembali")] string? returnUrl)
    {
        if (MarketplaceHost.Cultures.Any(c => c.Name == culture))
        {
            Response.Cookies.Append(MarketplaceHost.CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
