using PasKreatif.Orders;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Reviews;

/// <summary>Average and count of approved reviews.</summary>
public sealed record RatingSummary(int Count, int StarTotal)
{
    public decimal? Average => ReviewRules.Average(Count, StarTotal);
}

/// <summary>A review as the public sees it: first name and initial, never more.</summary>
public sealed record PublicReview(int Id, string BuyerShownName, int Stars, string? Text, DateTimeOffset At, IReadOnlyList<string> PhotoHashes, string? Reply, string? ListingTitle = null);

public sealed record ReviewBoard(RatingSummary Summary, IReadOnlyList<PublicReview> Newest);

/// <summary>A buyer's completed line and its review, if written.</summary>
public sealed record ReviewableLine(int OrderLineId, int ListingId, string Title, string OrderNumber, int? ReviewId, int? Stars, ReviewStatus? Status, string? RejectionReason);

public sealed record StaffReviewRow(int Id, string ListingTitle, string MakerName, string GroupName, int Stars, DateTimeOffset At);

public sealed record StaffReview(int Id, int ListingId, string ListingTitle, string MakerName, string GroupName, string BuyerShownName, int Stars, string? Text,
    IReadOnlyList<string> PhotoHashes, ReviewStatus Status, string? RejectionReason, DateTimeOffset At, IReadOnlyList<Moderation.AuditRow> Audit);

public sealed record MakerReviewRow(int Id, string ListingTitle, string BuyerShownName, int Stars, string? Text, ReviewStatus Status, string? Reply, DateTimeOffset At);

/// <summary>The read side of reviews. Only approved reviews ever leave it for public pages.</summary>
public sealed class ReviewQueries(MarketplaceDb db)
{
    /// <summary>Lines already reviewed: a guest reviews each line, an account each listing once.</summary>
    public async Task<IReadOnlyDictionary<int, ReviewStatus>> OfOrderAsync(Order order, CancellationToken ct = default)
    {
        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var listingIds = order.Lines.Select(l => l.ListingId).ToList();
        var reviews = await db.Set<Review>().AsNoTracking()
            .Where(r => lineIds.Contains(r.OrderLineId) || (order.BuyerId != null && r.BuyerId == order.BuyerId && listingIds.Contains(r.ListingId)))
            .Select(r => new { r.OrderLineId, r.ListingId, r.Status }).ToListAsync(ct);
        return order.Lines
            .Select(l => (l.Id, Review: reviews.FirstOrDefault(r => r.OrderLineId == l.Id) ?? (order.BuyerId is null ? null : reviews.FirstOrDefault(r => r.ListingId == l.ListingId))))
            .Where(x => x.Review is not null).ToDictionary(x => x.Id, x => x.Review!.Status);
    }

    public const int PageSize = 20;

    IQueryable<Review> Approved => db.Set<Review>().Where(r => r.Status == ReviewStatus.Approved);

    /// <summary>The newest approved reviews of one product, for its page.</summary>
    public Task<List<PublicReview>> NewestForProductAsync(int listingId, CancellationToken ct = default) =>
        Public(Approved.Where(r => r.ListingId == listingId), ct);

    /// <summary>A maker's on-sale listings' columns summed: one indexed aggregate, no scan of reviews.</summary>
    public async Task<ReviewBoard> ForMakerAsync(string makerSlug, CancellationToken ct = default)
    {
        var totals = await db.Listings.Where(l => l.Maker!.Slug == makerSlug && l.ReviewCount > 0)
            .GroupBy(l => 1).Select(g => new RatingSummary(g.Sum(l => l.ReviewCount), g.Sum(l => l.ReviewStarTotal))).SingleOrDefaultAsync(ct)
            ?? new RatingSummary(0, 0);
        var newest = totals.Count == 0 ? [] : await Public(Approved.Where(r => db.Set<Maker>().Any(m => m.Id == r.MakerId && m.Slug == makerSlug)), ct);
        return new ReviewBoard(totals, newest);
    }

    async Task<List<PublicReview>> Public(IQueryable<Review> reviews, CancellationToken ct) =>
        await reviews.OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id).Take(PageSize)
            .Select(r => new PublicReview(r.Id, r.BuyerShownName, r.Stars, r.Text, r.CreatedAt,
                r.Photos.OrderBy(p => p.Position).Select(p => p.Photo!.Hash).ToList(), r.Reply,
                db.Set<Listing>().Where(l => l.Id == r.ListingId).Select(l => l.Title).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>Every completed line of the buyer, one per product, with its review's state.</summary>
    public async Task<List<ReviewableLine>> ForBuyerAsync(Guid buyerId, CancellationToken ct = default)
    {
        var lines = await ReviewDesk.CompletedLines(db, buyerId)
            .Select(l => new { l.Id, l.ListingId, l.Title, Number = db.Set<Order>().Where(o => o.Id == l.OrderId).Select(o => o.Number).First() })
            .ToListAsync(ct);
        var reviews = await db.Set<Review>().Where(r => r.BuyerId == buyerId)
            .Select(r => new { r.Id, r.ListingId, r.OrderLineId, r.Stars, r.Status, r.RejectionReason }).ToListAsync(ct);
        return lines.GroupBy(l => l.ListingId).Select(g =>
        {
            var review = reviews.FirstOrDefault(r => r.ListingId == g.Key);
            var line = g.FirstOrDefault(l => l.Id == review?.OrderLineId) ?? g.OrderByDescending(l => l.Id).First();
            return new ReviewableLine(line.Id, line.ListingId, line.Title, line.Number, review?.Id, review?.Stars, review?.Status, review?.RejectionReason);
        }).OrderByDescending(l => l.OrderLineId).ToList();
    }

    /// <summary>A guest's completed line, by the order's token, with its review's state.</summary>
    public async Task<ReviewableLine?> GuestLineAsync(string orderToken, int orderLineId, CancellationToken ct = default) =>
        await ReviewDesk.GuestLines(db, orderToken).Where(l => l.Id == orderLineId)
            .Select(l => new ReviewableLine(l.Id, l.ListingId, l.Title, db.Set<Order>().Where(o => o.Id == l.OrderId).Select(o => o.Number).First(),
                db.Set<Review>().Where(r => r.OrderLineId == l.Id).Select(r => (int?)r.Id).FirstOrDefault(),
                db.Set<Review>().Where(r => r.OrderLineId == l.Id).Select(r => (int?)r.Stars).FirstOrDefault(),
                db.Set<Review>().Where(r => r.OrderLineId == l.Id).Select(r => (ReviewStatus?)r.Status).FirstOrDefault(),
                db.Set<Review>().Where(r => r.OrderLineId == l.Id).Select(r => r.RejectionReason).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    public async Task<ReviewableLine?> LineAsync(Guid buyerId, int orderLineId, CancellationToken ct = default) =>
        (await ForBuyerAsync(buyerId, ct)).FirstOrDefault(l => l.OrderLineId == orderLineId);

    public async Task<List<StaffReviewRow>> WaitingAsync(StaffScope scope, CancellationToken ct = default)
    {
        var listings = scope.Listings(db);
        return await db.Set<Review>().Where(r => r.Status == ReviewStatus.Pending)
            .Join(listings, r => r.ListingId, l => l.Id, (r, l) => new { r.Id, l.Title, Maker = l.Maker!.DisplayName, Group = l.Programme!.Group!.Name, r.Stars, r.CreatedAt })
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new StaffReviewRow(r.Id, r.Title, r.Maker, r.Group, r.Stars, r.CreatedAt)).ToListAsync(ct);
    }

    public async Task<StaffReview> ForStaffAsync(StaffScope scope, int reviewId, CancellationToken ct = default)
    {
        var listings = scope.Listings(db);
        var r = await db.Set<Review>().Where(x => x.Id == reviewId)
            .Join(listings, x => x.ListingId, l => l.Id, (x, l) => new
            {
                x.Id, x.ListingId, l.Title, Maker = l.Maker!.DisplayName, Group = l.Programme!.Group!.Name, l.Programme.Group.Office!.Zone,
                x.BuyerShownName, x.Stars, x.Text, Photos = x.Photos.OrderBy(p => p.Position).Select(p => p.Photo!.Hash).ToList(), x.Status, x.RejectionReason, x.CreatedAt,
            })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var audit = await db.Set<ReviewAuditEntry>().Where(e => e.ReviewId == reviewId && (e.Action == ReviewAction.Approved || e.Action == ReviewAction.Rejected)).OrderByDescending(e => e.At)
            .Select(e => new Moderation.AuditRow(e.At, e.Action.ToString(), db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.Reason, r.Zone))
            .ToListAsync(ct);
        return new StaffReview(r.Id, r.ListingId, r.Title, r.Maker, r.Group, r.BuyerShownName, r.Stars, r.Text, r.Photos, r.Status, r.RejectionReason, r.CreatedAt, audit);
    }

    public Task<List<MakerReviewRow>> ForMakerWorkspaceAsync(int makerId, CancellationToken ct = default) =>
        db.Set<Review>().Where(r => r.MakerId == makerId && r.Status != ReviewStatus.Rejected).OrderByDescending(r => r.CreatedAt).Take(100)
            .Select(r => new MakerReviewRow(r.Id, db.Set<Listing>().Where(l => l.Id == r.ListingId).Select(l => l.Title).First(), r.BuyerShownName, r.Stars,
                r.Status == ReviewStatus.Approved ? r.Text : null, r.Status, r.Reply, r.CreatedAt))
            .ToListAsync(ct);
}
