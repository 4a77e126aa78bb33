using System.Globalization;

namespace PasKreatif.Storefront.Pages.Seller;

/// <summary>Dates as the design asks ("23 Nov 2026"), in Western Indonesian time unless told otherwise.</summary>
public static class WorkspaceFormat
{
    public static string Date(DateTimeOffset utc, Organisation.IndonesianZone zone = Organisation.IndonesianZone.WIB) =>
        Organisation.IndonesianZones.ToZone(utc, zone).ToString("d MMM yyyy", CultureInfo.CurrentUICulture);

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentUICulture);
}
