using System.Globalization;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>What a write changed in the public catalogue; the kind alone decides what the caches drop.</summary>
public enum CatalogChangeKind
{
    /// <summary>Nothing public shows it: a listing never on sale (draft, submitted, rejected), a question not answered yet.</summary>
    NotShown,
    /// <summary>A stock count that stays above zero (or a made-to-order listing's): the product page alone.</summary>
    StockLeft,
    /// <summary>Units sold on payment or refund: the product page; popularity on lists may lag up to the cache's expiry.</summary>
    UnitsSold,
    /// <summary>The last unit sold: the product page and every page showing the card, which reads "sold out" now.</summary>
    SoldOut,
    /// <summary>Stock back from zero: the listing returns to lists filtered on stock.</summary>
    BackInStock,
    /// <summary>A published listing's words, price, photos, delivery or state (approved, paused, resumed, archived).</summary>
    Listing,
    /// <summary>A review decided or replied to: ratings show on cards, maker and product pages.</summary>
    Reviews,
    /// <summary>A question answered in public: the product page.</summary>
    Answers,
    /// <summary>A maker's profile, story or programmes: their page, their cards and the strips.</summary>
    Maker,
    /// <summary>Categories, programmes, groups or regencies: every list and filter.</summary>
    Organisation,
    /// <summary>What the shop cannot narrow (demo data loaded, a write no service announced): every page.</summary>
    Everything,
}

/// <summary>
/// One change to what the public catalogue shows, raised by the service that made it: what changed and
/// which listings and makers. Other instances receive it as it is and evict by the same rule.
/// </summary>
public sealed class CatalogChange
{
    CatalogChange(CatalogChangeKind what, IEnumerable<int> listings, IEnumerable<int> makers) =>
        (What, Listings, Makers) = (what, listings.Distinct().Order().ToArray(), makers.Distinct().Order().ToArray());

    public CatalogChangeKind What { get; }

    public IReadOnlyList<int> Listings { get; }

    public IReadOnlyList<int> Makers { get; }

    public static CatalogChange StockLeft(int listingId) => new(CatalogChangeKind.StockLeft, [listingId], []);

    public static CatalogChange SoldOut(int listingId) => new(CatalogChangeKind.SoldOut, [listingId], []);

    public static CatalogChange BackInStock(int listingId) => new(CatalogChangeKind.BackInStock, [listingId], []);

    public static CatalogChange UnitsSold(IEnumerable<int> listingIds) => new(CatalogChangeKind.UnitsSold, listingIds, []);

    /// <summary>A change to this listing (its words, price, photos, stock by the maker, state): public once it was ever on sale.</summary>
    public static CatalogChange OfListing(Listing listing) =>
        new(listing.PublishedAt is null ? CatalogChangeKind.NotShown : CatalogChangeKind.Listing, [listing.Id], [listing.MakerId]);

    /// <summary>A review of this listing: shown once approved (and its reply); one written or rejected waits unseen.</summary>
    public static CatalogChange Reviews(int listingId, int makerId, bool shown) =>
        new(shown ? CatalogChangeKind.Reviews : CatalogChangeKind.NotShown, [listingId], [makerId]);

    public static CatalogChange Answers(int listingId, bool shown) => new(shown ? CatalogChangeKind.Answers : CatalogChangeKind.NotShown, [listingId], []);

    public static CatalogChange Maker(int makerId) => new(CatalogChangeKind.Maker, [], [makerId]);

    /// <summary>A listing created as a draft: before its first save it has no id, and nothing public shows it.</summary>
    public static CatalogChange NewDraft { get; } = new(CatalogChangeKind.NotShown, [], []);

    public static CatalogChange Organisation { get; } = new(CatalogChangeKind.Organisation, [], []);

    public static CatalogChange Everything { get; } = new(CatalogChangeKind.Everything, [], []);

    /// <summary>What the change evicts: the one rule every instance applies.</summary>
    public CatalogEvictionScope Evicts => What switch
    {
        CatalogChangeKind.NotShown => CatalogEvictionScope.Nothing,
        CatalogChangeKind.StockLeft or CatalogChangeKind.UnitsSold or CatalogChangeKind.Answers => CatalogEvictionScope.Of(Listings),
        CatalogChangeKind.SoldOut => CatalogEvictionScope.OfCards(Listings),
        // A listing coming back or changing may join or leave lists and reorder them; a maker's name shows on every card.
        _ => CatalogEvictionScope.Everything,
    };

    /// <summary>"SoldOut=12,13/4;StockLeft=7": kind, listings, makers; short enough for a NOTIFY at any realistic count.</summary>
    public static string Write(IEnumerable<CatalogChange> changes) =>
        string.Join(';', changes.Select(c => c.What + "=" + Ids(c.Listings) + (c.Makers.Count > 0 ? "/" + Ids(c.Makers) : "")));

    /// <summary>Anything unreadable (an older instance's notice during a rolling restart) reads as everything.</summary>
    public static IReadOnlyList<CatalogChange> Read(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [Everything];
        var changes = new List<CatalogChange>();
        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !Enum.TryParse<CatalogChangeKind>(part[..equals], out var what) || !Enum.IsDefined(what)
                || char.IsDigit(part[0])) return [Everything];
            var ids = part[(equals + 1)..].Split('/');
            if (ids.Length > 2 || ParseIds(ids[0]) is not { } listings || ParseIds(ids.Length > 1 ? ids[1] : "") is not { } makers) return [Everything];
            changes.Add(new CatalogChange(what, listings, makers));
        }
        return changes;
    }

    static string Ids(IEnumerable<int> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    static List<int>? ParseIds(string text)
    {
        var ids = new List<int>();
        if (text.Length == 0) return ids;
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            ids.Add(id);
        }
        return ids;
    }
}

/// <summary>
/// What a change evicts: nothing, the whole catalogue (every page, the facets and the in-memory store), some
/// listings' own pages, or some listings' own pages and every page that shows their card (a sell-out changes its label).
/// </summary>
public sealed class CatalogEvictionScope
{
    public static readonly CatalogEvictionScope Everything = new(null, []);
    public static readonly CatalogEvictionScope Nothing = new([], []);

    CatalogEvictionScope(IReadOnlyCollection<int>? listings, IReadOnlyCollection<int> cards) => (Listings, Cards) = (listings, cards);

    /// <summary>The listings whose pages go; null means everything.</summary>
    public IReadOnlyCollection<int>? Listings { get; }

    /// <summary>Listings whose card changed: their page and every list showing the card go, with the remembered strips showing it.</summary>
    public IReadOnlyCollection<int> Cards { get; }

    public bool IsEverything => Listings is null;

    public bool IsNothing => Listings is { Count: 0 };

    public static CatalogEvictionScope Of(IEnumerable<int> listings) => new(listings.Distinct().Order().ToArray(), []);

    public static CatalogEvictionScope OfCards(IEnumerable<int> listings)
    {
        var cards = listings.Distinct().Order().ToArray();
        return new(cards, cards);
    }

    /// <summary>What several changes evict together (one transaction's, one notice's).</summary>
    public static CatalogEvictionScope For(IEnumerable<CatalogChange> changes) => changes.Aggregate(Nothing, (scope, c) => scope.With(c.Evicts));

    public CatalogEvictionScope With(CatalogEvictionScope other) =>
        IsEverything || other.IsEverything ? Everything
            : new(Listings!.Concat(other.Listings!).Distinct().Order().ToArray(), Cards.Concat(other.Cards).Distinct().Order().ToArray());
}

/// <summary>
/// Where the services that change the public catalogue say what they changed, raised with the write. It is
/// published when that write commits: after the context's next SaveChanges, at its open transaction's commit,
/// or at once when the write committed already (a bulk update outside a transaction). A failed save or a
/// rolled-back transaction publishes nothing.
/// </summary>
/// <remarks>
/// Raise before each SaveChanges that writes something the catalogue shows: a save with nothing raised evicts
/// everything. A change raised while the context holds unsaved changes waits for that save (or the commit).
/// </remarks>
public interface ICatalogChanges
{
    ValueTask RaiseAsync(MarketplaceDb db, CatalogChange change, CancellationToken ct = default);
}
