using Microsoft.EntityFrameworkCore;
using PasKreatif.Ledger;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.BackOffice;

/// <summary>A regency's target now; <paramref name="ThisMonth"/> is the current month in its office's zone.</summary>
public sealed record TargetRow(int RegencyId, string Regency, string Office, Money? Current, DateOnly? CurrentFrom, DateOnly ThisMonth);

/// <summary>
/// Officers set their office's regency targets (administrators any); history stays, a new row takes
/// effect from its month. Months are the regency's office's (<see cref="MakerCalendar"/>), never WIB for everyone.
/// </summary>
public sealed class TargetSettings(MarketplaceDb db, TimeProvider clock)
{
    IQueryable<Regency> Regencies(StaffScope scope)
    {
        if (scope.IsAdministrator) return db.Regencies;
        var offices = scope.OfficeIds.ToArray();
        return db.Regencies.Where(r => offices.Contains(r.OfficeId));
    }

    public async Task<List<TargetRow>> ListAsync(StaffScope scope, CancellationToken ct = default)
    {
        var regencies = await Regencies(scope).AsNoTracking().Include(r => r.Targets).Include(r => r.Office)
            .OrderBy(r => r.Office!.Name).ThenBy(r => r.Name).ToListAsync(ct);
        return regencies.Select(r =>
        {
            var month = MakerCalendar.MonthOf(clock.GetUtcNow(), r.Office!.Zone);
            var current = r.Targets.Where(t => t.FromMonth <= month).OrderByDescending(t => t.FromMonth).FirstOrDefault();
            return new TargetRow(r.Id, r.Name, r.Office!.Name, current?.Amount, current?.FromMonth, month);
        }).ToList();
    }

    /// <summary>Sets the target from a month on (this month or later; the past stays as it was reported).</summary>
    public async Task SetAsync(StaffScope scope, int regencyId, DateOnly fromMonth, Money amount, CancellationToken ct = default)
    {
        if (!await Regencies(scope).AnyAsync(r => r.Id == regencyId, ct)) throw new OutOfScopeException();
        if (amount <= Money.Zero) throw new MakerRuleException("TargetNotPositive");
        var month = new DateOnly(fromMonth.Year, fromMonth.Month, 1);
        if (month < await MakerCalendar.RegencyMonthAsync(db, regencyId, clock.GetUtcNow(), ct)) throw new MakerRuleException("TargetInPast");
        var existing = await db.MonthlyTargets.SingleOrDefaultAsync(t => t.RegencyId == regencyId && t.FromMonth == month, ct);
        if (existing is null)
            db.MonthlyTargets.Add(new MonthlyTarget { RegencyId = regencyId, FromMonth = month, Amount = amount, SetById = scope.PersonId, SetAt = clock.GetUtcNow() });
        else
        {
            existing.Amount = amount;
            existing.SetById = scope.PersonId;
            existing.SetAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
    }
}
