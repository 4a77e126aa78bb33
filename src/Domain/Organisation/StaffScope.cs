using Microsoft.EntityFrameworkCore;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Organisation;

/// <summary>A row outside the caller's reach; shown as 404 so its existence is not revealed.</summary>
public sealed class OutOfScopeException() : Exception("Not found in this scope.");

/// <summary>
/// What one member of staff may see: administrators everything, officers their office,
/// mentors their groups. The one place back-office queries are narrowed.
/// </summary>
public sealed record StaffScope(Guid PersonId, bool IsAdministrator, IReadOnlySet<int> OfficeIds, IReadOnlySet<int> MentoredGroupIds)
{
    public static async Task<StaffScope> ForAsync(MarketplaceDb db, Guid personId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        var roleSet = roles.ToHashSet();
        var offices = roleSet.Contains(Roles.Officer)
            ? await db.OfficeOfficers.Where(o => o.PersonId == personId).Select(o => o.OfficeId).ToListAsync(ct)
            : [];
        var groups = roleSet.Contains(Roles.Mentor)
            ? await db.GroupMentors.Where(m => m.PersonId == personId).Select(m => m.GroupId).ToListAsync(ct)
            : [];
        return new StaffScope(personId, roleSet.Contains(Roles.Administrator), offices.ToHashSet(), groups.ToHashSet());
    }

    public IQueryable<Group> Groups(MarketplaceDb db)
    {
        if (IsAdministrator) return db.Groups;
        var offices = OfficeIds.ToArray();
        var groups = MentoredGroupIds.ToArray();
        return db.Groups.Where(g => offices.Contains(g.OfficeId) || groups.Contains(g.Id));
    }

    public IQueryable<Office> Offices(MarketplaceDb db)
    {
        if (IsAdministrator) return db.Offices;
        var offices = OfficeIds.ToArray();
        var groups = MentoredGroupIds.ToArray();
        return db.Offices.Where(o => offices.Contains(o.Id) || o.Groups.Any(g => groups.Contains(g.Id)));
    }
}
