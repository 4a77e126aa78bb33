namespace PasKreatif.Organisation;

/// <summary>Indonesia's three time zones, by their everyday names.</summary>
public enum IndonesianZone
{
    WIB = 7,
    WITA = 8,
    WIT = 9,
}

public static class IndonesianZones
{
    public static string IanaId(this IndonesianZone zone) => zone switch
    {
        IndonesianZone.WIB => "Asia/Jakarta",
        IndonesianZone.WITA => "Asia/Makassar",
        IndonesianZone.WIT => "Asia/Jayapura",
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };

    public static TimeZoneInfo TimeZone(this IndonesianZone zone) => TimeZoneInfo.FindSystemTimeZoneById(zone.IanaId());

    /// <summary>Indonesia keeps no daylight saving, so a zone is a fixed offset.</summary>
    public static TimeSpan Offset(this IndonesianZone zone) => TimeSpan.FromHours((int)zone);

    public static DateTimeOffset ToZone(this DateTimeOffset utc, IndonesianZone zone) => utc.ToOffset(zone.Offset());

    /// <summary>The one machine-readable form of a moment (HTML's datetime attribute, feeds): UTC to the second, "2026-02-05T08:34:00Z".</summary>
    public static string ForMachines(this DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? value, out IndonesianZone zone) =>
        Enum.TryParse(value, ignoreCase: true, out zone) && Enum.IsDefined(zone);
}
