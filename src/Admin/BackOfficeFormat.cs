using System.Globalization;
using PasKreatif.Independence;
using PasKreatif.Organisation;

namespace PasKreatif.Admin;

/// <summary>How the back office writes dates, months and waiting times: in the office's zone, in the reader's language.</summary>
public static class BackOfficeFormat
{
    public static string Date(DateTimeOffset utc, IndonesianZone zone) =>
        utc.ToZone(zone).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset utc, IndonesianZone zone) =>
        utc.ToZone(zone).ToString("d MMM yyyy HH.mm", CultureInfo.CurrentCulture) + " " + zone;

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Days and hours, or hours and minutes under a day: "3 h 4 j" is what a mentor scans for.</summary>
    public static string Waiting(TimeSpan waited, string days, string hours, string minutes) =>
        waited.TotalDays >= 1 ? $"{(int)waited.TotalDays} {days} {waited.Hours} {hours}" : $"{waited.Hours} {hours} {waited.Minutes} {minutes}";

    public static string BandClass(IndependenceBand band) => band switch
    {
        IndependenceBand.Mandiri => "band band-mandiri",
        IndependenceBand.Berkembang => "band band-berkembang",
        _ => "band band-memulai",
    };

    public static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);
}
