using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

/// <summary>
/// The one zone rule for a maker's money: their months (and the dates shown beside them) are counted
/// in the zone of their home group's office, on every page, CSV, band and mail, and a regency's
/// target months in its office's zone. Never the viewer's zone, never the regency's office for a maker.
/// </summary>
public static class MakerCalendar
{
    /// <summary>The zone of each maker's home group's office.</summary>
    public static async Task<Dictionary<int, IndonesianZone>> ZonesAsync(MarketplaceDb db, IQueryable<Maker> makers, CancellationToken ct) =>
        await makers.Select(m => new { m.Id, m.HomeGroup!.Office!.Zone }).ToDictionaryAsync(m => m.Id, m => m.Zone, ct);

    public static async Task<IndonesianZone?> ZoneOfAsync(MarketplaceDb db, int makerId, CancellationToken ct) =>
        await db.Makers.Where(m => m.Id == makerId).Select(m => (IndonesianZone?)m.HomeGroup!.Office!.Zone).SingleOrDefaultAsync(ct);

    /// <summary>The calendar month an instant falls in for a maker (or a regency) of this zone.</summary>
    public static DateOnly MonthOf(DateTimeOffset instant, IndonesianZone zone)
    {
        var local = instant.ToZone(zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>The instant a month starts in the zone.</summary>
    public static DateTimeOffset MonthStart(DateOnly month, IndonesianZone zone) =>
        new DateTimeOffset(new DateTime(month.Year, month.Month, 1), zone.Offset()).ToUniversalTime();

    /// <summary>The month "now" is in, for a regency's targets: its office's zone.</summary>
    public static async Task<DateOnly> RegencyMonthAsync(MarketplaceDb db, int regencyId, DateTimeOffset now, CancellationToken ct)
    {
        var zone = await db.Regencies.Where(r => r.Id == regencyId).Select(r => (IndonesianZone?)r.Office!.Zone).SingleOrDefaultAsync(ct) ?? IndonesianZone.WIB;
        return MonthOf(now, zone);
    }
}
