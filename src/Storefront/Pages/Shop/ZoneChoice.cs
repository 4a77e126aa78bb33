using System.Globalization;
using PasKreatif.Organisation;

namespace PasKreatif.Storefront.Pages.Shop;

/// <summary>The buyer's time zone: chosen in the selector and kept in a cookie, else WIB.</summary>
public static class ZoneChoice
{
    public const string Cookie = ".PasKreatif.Zone";

    public static IndonesianZone Of(HttpContext http) =>
        IndonesianZones.TryParse(http.Request.Cookies[Cookie], out var zone) ? zone : IndonesianZone.WIB;

    public static void Remember(HttpContext http, string value)
    {
        if (!IndonesianZones.TryParse(value, out var zone)) return;
        http.Response.Cookies.Append(Cookie, zone.ToString(),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }

    /// <summary>"23 Nov 2026, 14.30 WITA" in the page's language.</summary>
    public static string Format(DateTimeOffset utc, IndonesianZone zone)
    {
        var local = utc.ToZone(zone);
        var culture = CultureInfo.CurrentCulture;
        return local.ToString("d MMM yyyy", culture) + ", " + local.ToString("HH.mm", CultureInfo.InvariantCulture) + " " + zone;
    }
}
