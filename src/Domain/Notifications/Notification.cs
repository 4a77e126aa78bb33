using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Notifications;

public enum NotificationKind { NewOrder, Question, Review, ReviewApproved, ReviewRejected, ListingApproved, ListingRejected }

/// <summary>Something a maker should know, kept in the shop so makers without email see it too.</summary>
public class Notification
{
    public long Id { get; init; }
    public int MakerId { get; init; }
    public NotificationKind Kind { get; init; }
    /// <summary>What it is about (a product title, an order number), shown beside the kind's text.</summary>
    public string Subject { get; init; } = "";
    /// <summary>A workspace address to follow.</summary>
    public string Link { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; private set; }
}

public sealed record NotificationRow(long Id, NotificationKind Kind, string Subject, string Link, DateTimeOffset CreatedAt, bool Unread);

/// <summary>Raises and reads makers' notifications.</summary>
public sealed class MakerNotices(MarketplaceDb db, TimeProvider clock)
{
    /// <summary>Adds a notification to the context; it is stored with the caller's next save.</summary>
    public void Add(int makerId, NotificationKind kind, string subject, string link) =>
        db.Set<Notification>().Add(new Notification
        {
            MakerId = makerId, Kind = kind, Subject = subject.Length > 200 ? subject[..200] : subject, Link = link, CreatedAt = clock.GetUtcNow(),
        });

    /// <summary>A maker's "new order" notification, linking to their part of the order; stored with the caller's next save.</summary>
    public void NewOrder(int makerId, int fulfilmentId, string orderNumber) =>
        Add(makerId, NotificationKind.NewOrder, orderNumber, ShopPaths.WorkspaceOrder(fulfilmentId));

    public Task<int> UnreadAsync(int makerId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.MakerId == makerId && n.ReadAt == null, ct);

    public Task<List<NotificationRow>> LatestAsync(int makerId, int take = 50, CancellationToken ct = default) =>
        db.Set<Notification>().Where(n => n.MakerId == makerId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Subject, n.Link, n.CreatedAt, n.ReadAt == null)).ToListAsync(ct);

    /// <summary>Marks all the maker's notifications read; returns how many were unread.</summary>
    public Task<int> MarkAllReadAsync(int makerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.Set<Notification>().Where(n => n.MakerId == makerId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
