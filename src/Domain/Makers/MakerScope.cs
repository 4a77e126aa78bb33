using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Makers;

/// <summary>Makers a member of staff may reach: a maker by home group (listings: Catalog.ListingScope).</summary>
public static class MakerScope
{
    public static IQueryable<Maker> Makers(this StaffScope scope, MarketplaceDb db)
    {
        var groups = scope.Groups(db);
        return db.Makers.Where(m => groups.Any(g => g.Id == m.HomeGroupId));
    }
}

/// <summary>Keyset paging of makers by name then id: the same order on the makers list and the roll-ups' tables.</summary>
public static class MakerKeyset
{
    public static IQueryable<Maker> Matching(this IQueryable<Maker> makers, ListRequest request) =>
        request.Pattern is { } p ? makers.Where(m => EF.Functions.ILike(m.DisplayName, p, "\\")) : makers;

    /// <summary>The makers of the page asked for, one more than a page, in reading order after a cursor and reversed before one.</summary>
    public static IQueryable<Maker> PageOf(this IQueryable<Maker> makers, ListRequest request)
    {
        // EF translates string.Compare to SQL's < and >, in the database's collation that orders the list; an ordinal overload would not translate.
#pragma warning disable CA1309
        makers = makers.Matching(request);
        if (request.Before is { } b)
        {
            var (key, id) = (b.Key, (int)b.Id);
            return makers.Where(m => string.Compare(m.DisplayName, key) < 0 || (m.DisplayName == key && m.Id < id))
                .OrderByDescending(m => m.DisplayName).ThenByDescending(m => m.Id).Take(ListRequest.PageSize + 1);
        }
        if (request.After is { } a)
        {
            var (key, id) = (a.Key, (int)a.Id);
            makers = makers.Where(m => string.Compare(m.DisplayName, key) > 0 || (m.DisplayName == key && m.Id > id));
        }
#pragma warning restore CA1309
        return makers.InOrder().Take(ListRequest.PageSize + 1);
    }

    public static IOrderedQueryable<Maker> InOrder(this IQueryable<Maker> makers) => makers.OrderBy(m => m.DisplayName).ThenBy(m => m.Id);
}
