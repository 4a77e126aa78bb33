using System.Globalization;

namespace PasKreatif.Storefront.Pages.Seller;

/// <summary>Dates as the design asks ("23 Nov 2026"), in Western Indonesian time unless told otherwise.</summary>
public static class WorkspaceFormat
{
    public static string Date(DateTimeOffset utc, Organisation.IndonesianZone zone = Organisation.IndonesianZone.WIB) =>
        Organisation.IndonesianZones.ToZone(utc, zone).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A deadline: "3 Des 2026, 14.30 WITA", in the maker's own zone, named.</summary>
    public static string Moment(DateTimeOffset utc, Organisation.IndonesianZone zone) =>
        Organisation.IndonesianZones.ToZone(utc, zone).ToString("d MMM yyyy, HH.mm", CultureInfo.CurrentCulture) + " " + zone;

    /// <summary>How long something has waited: days and hours, or hours under a day.</summary>
    public static string Age(TimeSpan waited, string days, string hours) =>
        waited.TotalDays >= 1 ? $"{(int)waited.TotalDays} {days} {waited.Hours} {hours}" : $"{Math.Max(0, waited.Hours)} {hours}";

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);
}
