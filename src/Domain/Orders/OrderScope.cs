using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// Orders a member of staff may reach, beside <see cref="Makers.MakerScope"/>: every order with a part
/// in one of their groups (a part elsewhere never hides it). Money is narrower: a transfer is confirmed
/// (or sent back) by officers of an office with a part, cash by the mentors and officers of the part's group.
/// </summary>
public static class OrderScope
{
    /// <summary>Orders with at least one part in a group the staff member reaches.</summary>
    public static IQueryable<Order> Orders(this StaffScope scope, MarketplaceDb db)
    {
        if (scope.IsAdministrator) return db.Orders;
        var groups = scope.Groups(db);
        return db.Orders.Where(o => o.Fulfilments.Any(f => groups.Any(g => g.Id == f.GroupId)));
    }

    /// <summary>The groups whose money of this kind the staff member handles: their office's groups for transfers, every reached group for cash.</summary>
    public static IQueryable<Group> MoneyGroups(this StaffScope scope, MarketplaceDb db, PaymentMethod method)
    {
        if (scope.IsAdministrator) return db.Groups;
        if (method == PaymentMethod.CashOnPickup) return scope.Groups(db);
        var offices = scope.OfficeIds.ToArray();
        return db.Groups.Where(g => offices.Contains(g.OfficeId));
    }

    /// <summary>Whether the staff member handles money of this kind for any of these groups.</summary>
    public static bool HandlesMoneyOf(this StaffScope scope, PaymentMethod method, IEnumerable<(int GroupId, int OfficeId)> groups) =>
        scope.IsAdministrator || groups.Any(g => method == PaymentMethod.CashOnPickup
            ? scope.MentoredGroupIds.Contains(g.GroupId) || scope.OfficeIds.Contains(g.OfficeId)
            : scope.OfficeIds.Contains(g.OfficeId));

    /// <summary>Whether the staff member reaches a group (its mentors, its office's officers, administrators).</summary>
    public static bool Reaches(this StaffScope scope, int groupId, int officeId) =>
        scope.IsAdministrator || scope.MentoredGroupIds.Contains(groupId) || scope.OfficeIds.Contains(officeId);
}
