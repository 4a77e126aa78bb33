using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PasKreatif.Catalog;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Notifications;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Reviews;

/// <summary>
/// Writing, deciding and answering reviews. Approval keeps the listing's count and star total in the
/// same save, so catalogue pages read two columns and their cache is evicted with it.
/// </summary>
public sealed class ReviewDesk(MarketplaceDb db, TimeProvider clock, MailQueue mail, MakerNotices notices, PhotoPipeline photos, ShopLinks links,
    ICatalogChanges catalog)
{

    /// <summary>A line counts once its order is completed, or its maker's part was delivered or collected.</summary>
    public static IQueryable<OrderLine> CompletedLines(MarketplaceDb db, Guid buyerId) =>
        CompletedLines(db, db.Orders.Where(o => o.BuyerId == buyerId));

    static IQueryable<OrderLine> CompletedLines(MarketplaceDb db, IQueryable<Order> orders) =>
        from line in db.OrderLines
        join order in orders on line.OrderId equals order.Id
        join part in db.Fulfilments on line.FulfilmentId equals part.Id
        where order.Status == OrderStatus.Completed
              || (order.Status == OrderStatus.Paid && (part.Status == FulfilmentStatus.Delivered || part.Status == FulfilmentStatus.Collected))
        select line;

    /// <summary>A guest's lines, proven by the order's unguessable token; orders of an account are reviewed from the account.</summary>
    public static IQueryable<OrderLine> GuestLines(MarketplaceDb db, string orderToken) =>
        CompletedLines(db, db.Orders.Where(o => o.PublicToken == orderToken && o.BuyerId == null));

    public Task<Review> WriteAsync(Guid buyerId, int orderLineId, int stars, string? text, IReadOnlyList<byte[]> photoFiles, CancellationToken ct = default) =>
        WriteAsync(CompletedLines(db, buyerId), buyerId, orderLineId, stars, text, photoFiles, ct);

    public Task<Review> WriteAsGuestAsync(string orderToken, int orderLineId, int stars, string? text, IReadOnlyList<byte[]> photoFiles, CancellationToken ct = default) =>
        WriteAsync(GuestLines(db, orderToken), null, orderLineId, stars, text, photoFiles, ct);

    async Task<Review> WriteAsync(IQueryable<OrderLine> reviewable, Guid? buyerId, int orderLineId, int stars, string? text, IReadOnlyList<byte[]> photoFiles, CancellationToken ct)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        ReviewRules.Check(stars, text);
        if (photoFiles.Count > ReviewRules.MaxPhotos) throw new ReviewRuleException("TooManyPhotos");
        var line = await reviewable.Where(l => l.Id == orderLineId)
            .Select(l => new { l.Id, l.ListingId, l.MakerId, l.Title, OrderName = db.Set<Order>().Where(o => o.Id == l.OrderId).Select(o => o.BuyerName).First() })
            .SingleOrDefaultAsync(ct) ?? throw new ReviewRuleException("NotCompleted");
        // Once per buyer and product; a guest, known only by the order, once per line.
        if (await db.Set<Review>().AnyAsync(r => buyerId != null ? r.BuyerId == buyerId && r.ListingId == line.ListingId : r.OrderLineId == line.Id, ct))
            throw new ReviewRuleException("AlreadyReviewed");
        foreach (var file in photoFiles) PhotoRules.Inspect(file); // refuse before storing anything
        var buyerName = buyerId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync(ct) : line.OrderName;
        var now = clock.GetUtcNow();
        var review = new Review
        {
            ListingId = line.ListingId, MakerId = line.MakerId, OrderLineId = line.Id, BuyerId = buyerId, BuyerShownName = ReviewRules.ShownName(buyerName),
            Stars = stars, Text = text, CreatedAt = now,
        };
        for (var i = 0; i < photoFiles.Count; i++)
            review.Photos.Add(new ReviewPhoto { PhotoId = (await StorePhotoAsync(photoFiles[i], buyerId, ct)).Id, Position = i });
        db.Set<Review>().Add(review);
        notices.Add(line.MakerId, NotificationKind.Review, line.Title, ShopPaths.WorkspaceReviews);
        await catalog.RaiseAsync(db, CatalogChange.Reviews(line.ListingId, line.MakerId, shown: false), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ReviewRuleException("AlreadyReviewed"); // a second submit raced the first
        }
        // A guest has no account: the empty id stands for "the buyer of the order".
        db.Set<ReviewAuditEntry>().Add(new ReviewAuditEntry { ReviewId = review.Id, Action = ReviewAction.Written, ActorId = buyerId ?? Guid.Empty, At = now });
        await catalog.RaiseAsync(db, CatalogChange.Reviews(line.ListingId, line.MakerId, shown: false), ct);
        await db.SaveChangesAsync(ct);
        return review;
    }

    async Task<Photo> StorePhotoAsync(byte[] file, Guid? buyerId, CancellationToken ct)
    {
        var stored = await photos.StoreAsync(file, ct);
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Hash == stored.Hash, ct);
        if (photo is not null) return photo;
        photo = new Photo { Hash = stored.Hash, Width = stored.Width, Height = stored.Height, OriginalKey = stored.OriginalKey, UploadedById = buyerId, CreatedAt = clock.GetUtcNow() };
        db.Photos.Add(photo);
        await db.SaveChangesAsync(ct);
        return photo;
    }

    public Task ApproveAsync(StaffScope scope, int reviewId, CancellationToken ct = default) => DecideAsync(scope, reviewId, null, ct);

    public Task RejectAsync(StaffScope scope, int reviewId, string reason, CancellationToken ct = default)
    {
        var decision = ModerationDecision.Reject(reason);
        return decision.Validate() is { } problem ? throw new ReviewRuleException(problem) : DecideAsync(scope, reviewId, decision.Reason, ct);
    }

    async Task DecideAsync(StaffScope scope, int reviewId, string? reason, CancellationToken ct)
    {
        var listings = scope.Listings(db);
        var review = await db.Set<Review>().Where(r => r.Id == reviewId && listings.Any(l => l.Id == r.ListingId)).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
        review.Decide(reason, clock.GetUtcNow());
        var listing = await db.Listings.SingleAsync(l => l.Id == review.ListingId, ct);
        var now = review.DecidedAt!.Value;
        if (reason is null)
        {
            listing.ReviewCount++;
            listing.ReviewStarTotal += review.Stars;
        }
        db.Set<ReviewAuditEntry>().Add(new ReviewAuditEntry
        {
            ReviewId = review.Id, Action = reason is null ? ReviewAction.Approved : ReviewAction.Rejected, ActorId = scope.PersonId, At = now, Reason = reason,
        });
        notices.Add(review.MakerId, reason is null ? NotificationKind.ReviewApproved : NotificationKind.ReviewRejected, listing.Title, ShopPaths.WorkspaceReviews);
        await catalog.RaiseAsync(db, CatalogChange.Reviews(listing.Id, review.MakerId, shown: reason is null), ct);
        await db.SaveChangesAsync(ct);

        var buyer = review.BuyerId is { } buyerId
            ? await db.Users.Where(u => u.Id == buyerId).Select(u => new { u.Email, u.PreferredCulture, u.DisplayName }).SingleAsync(ct)
            : await db.OrderLines.Where(l => l.Id == review.OrderLineId)
                .Select(l => db.Set<Order>().Where(o => o.Id == l.OrderId).Select(o => new { Email = (string?)o.BuyerEmail, PreferredCulture = o.Culture, DisplayName = o.BuyerName }).First())
                .SingleAsync(ct);
        if (string.IsNullOrWhiteSpace(buyer.Email)) return;
        var culture = buyer.PreferredCulture;
        var name = ReviewRules.ShownName(buyer.DisplayName).Split(' ')[0];
        mail.Enqueue(reason is null
            ? new OutgoingMail(buyer.Email, TrustMail.Text("ReviewApprovedSubject", culture, listing.Title),
                TrustMail.Text("ReviewApprovedBody", culture, name, listing.Title, links.Product(listing.Slug)), ToName: buyer.DisplayName)
            : new OutgoingMail(buyer.Email, TrustMail.Text("ReviewRejectedSubject", culture, listing.Title),
                TrustMail.Text("ReviewRejectedBody", culture, name, listing.Title, reason, links.To(ShopPaths.BuyerOrders)), ToName: buyer.DisplayName));
    }

    /// <summary>The maker's one public reply to an approved review of their own listing.</summary>
    public async Task ReplyAsync(int makerId, int reviewId, string reply, CancellationToken ct = default)
    {
        reply = (reply ?? "").Trim();
        if (reply.Length == 0) throw new ReviewRuleException("ReplyRequired");
        if (reply.Length > ReviewRules.MaxReply) throw new ReviewRuleException("ReplyTooLong");
        var review = await db.Set<Review>().SingleOrDefaultAsync(r => r.Id == reviewId && r.MakerId == makerId, ct) ?? throw new ListingNotFoundException();
        var now = clock.GetUtcNow();
        review.ReplyWith(ContactDetails.Mask(reply), now);
        var personId = await db.Makers.Where(m => m.Id == makerId).Select(m => m.PersonId).SingleAsync(ct);
        db.Set<ReviewAuditEntry>().Add(new ReviewAuditEntry { ReviewId = review.Id, Action = ReviewAction.Replied, ActorId = personId, At = now });
        await catalog.RaiseAsync(db, CatalogChange.Reviews(review.ListingId, makerId, shown: true), ct);
        await db.SaveChangesAsync(ct);
    }
}
