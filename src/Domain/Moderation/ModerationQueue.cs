using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Moderation;

public enum QueueItemKind { Listing, Revision, Story }

/// <summary>One thing waiting for a decision. <see cref="Id"/> is the listing's id, or the maker's for a story.</summary>
public sealed record QueueItem(QueueItemKind Kind, int Id, string Title, string MakerName, string GroupName, DateTimeOffset? SubmittedAt, TimeSpan? Waiting);

public sealed record ReviewPhoto(string Hash, string? AltText);

public sealed record ListingVersion(string Title, string Description, string Category, IReadOnlyList<ReviewPhoto> Photos);

/// <summary>One line of a decision history; <see cref="Zone"/> is the office's, for showing the time.</summary>
public sealed record AuditRow(DateTimeOffset At, string Action, string? Actor, string? Reason, IndonesianZone Zone = IndonesianZone.WIB);

/// <summary>A listing or its pending revision beside the live version (null for a listing never on sale).</summary>
public sealed record ListingReview(
    int ListingId, bool IsRevision, string MakerName, string GroupName, string ProgrammeName, Money Price, ListingStatus Status,
    DateTimeOffset? SubmittedAt, ListingVersion? Live, ListingVersion Proposed, IReadOnlyList<AuditRow> Audit)
{
    public bool TitleChanged => Live is not null && Live.Title != Proposed.Title;
    public bool DescriptionChanged => Live is not null && Live.Description != Proposed.Description;
    public bool CategoryChanged => Live is not null && Live.Category != Proposed.Category;
    public bool PhotosChanged => Live is not null && !Live.Photos.Select(p => p.Hash).SequenceEqual(Proposed.Photos.Select(p => p.Hash));
}

public sealed record StoryReview(int MakerId, string MakerName, string GroupName, string? Published, string Pending, IReadOnlyList<AuditRow> Audit);

/// <summary>The moderation queue's read side, narrowed by <see cref="StaffScope"/>.</summary>
public sealed class ModerationQueue(MarketplaceDb db, TimeProvider clock)
{
    /// <summary>Listings, revisions and stories waiting in the caller's scope, together, oldest first.</summary>
    public async Task<List<QueueItem>> WaitingAsync(StaffScope scope, CancellationToken ct = default)
    {
        var listings = scope.Listings(db);
        var fresh = await listings.Where(l => l.Status == ListingStatus.Submitted)
            .Select(l => new { l.Id, l.Title, Maker = l.Maker!.DisplayName, Group = l.Programme!.Group!.Name, At = l.SubmittedAt })
            .ToListAsync(ct);
        var revisions = await listings.SelectMany(l => l.Revisions.Where(r => r.Status == RevisionStatus.Submitted)
                .Select(r => new { l.Id, r.Title, Maker = l.Maker!.DisplayName, Group = l.Programme!.Group!.Name, At = r.SubmittedAt }))
            .ToListAsync(ct);
        var stories = await scope.Makers(db).Where(m => m.Story.Status == StoryStatus.Pending)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name, At = m.Story.SubmittedAt }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return Oldest(fresh.Select(l => new QueueItem(QueueItemKind.Listing, l.Id, l.Title, l.Maker, l.Group, l.At, now - l.At))
            .Concat(revisions.Select(r => new QueueItem(QueueItemKind.Revision, r.Id, r.Title, r.Maker, r.Group, r.At, now - r.At)))
            .Concat(stories.Select(s => new QueueItem(QueueItemKind.Story, s.Id, s.DisplayName, s.DisplayName, s.Group, s.At, now - s.At))));
    }

    /// <summary>One page of the queue, oldest first, of items whose title or maker's name holds the words searched.</summary>
    public async Task<ListPage<QueueItem>> PageAsync(StaffScope scope, ListRequest request, CancellationToken ct = default)
    {
        if (Position(request.Before ?? request.After) is null) request = request with { After = null, Before = null };
        var listings = scope.Listings(db);
        var fresh = listings.Where(l => l.Status == ListingStatus.Submitted)
            .Select(l => new Waiting { Id = l.Id, Title = l.Title, Maker = l.Maker!.DisplayName, Group = l.Programme!.Group!.Name, At = l.SubmittedAt });
        var revisions = listings.SelectMany(l => l.Revisions.Where(r => r.Status == RevisionStatus.Submitted)
            .Select(r => new Waiting { Id = l.Id, Title = r.Title, Maker = l.Maker!.DisplayName, Group = l.Programme!.Group!.Name, At = r.SubmittedAt }));
        var stories = scope.Makers(db).Where(m => m.Story.Status == StoryStatus.Pending)
            .Select(m => new Waiting { Id = m.Id, Title = m.DisplayName, Maker = m.DisplayName, Group = m.HomeGroup!.Name, At = m.Story.SubmittedAt });
        var now = clock.GetUtcNow();
        var read = new List<QueueItem>();
        foreach (var (kind, rows) in new[] { (QueueItemKind.Listing, fresh), (QueueItemKind.Revision, revisions), (QueueItemKind.Story, stories) })
            read.AddRange((await Near(rows, kind, request).ToListAsync(ct)).Select(w => new QueueItem(kind, w.Id, w.Title, w.Maker, w.Group, w.At, now - w.At)));
        var ordered = read.OrderBy(i => i.SubmittedAt ?? Far).ThenBy(i => i.Kind).ThenBy(i => i.Id);
        var page = (request.Before is null ? ordered : ordered.Reverse()).Take(ListRequest.PageSize + 1).ToList();
        return ListPage.From<QueueItem>(page, request, i => new ListCursor(
            string.Create(CultureInfo.InvariantCulture, $"{(i.SubmittedAt ?? Far).UtcTicks}.{(int)i.Kind}"), i.Id));
    }

    /// <summary>Where an item without a submission time sorts: after every real one.</summary>
    static readonly DateTimeOffset Far = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    sealed class Waiting
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string Maker { get; init; } = "";
        public string Group { get; init; } = "";
        public DateTimeOffset? At { get; init; }
    }

    /// <summary>One source's items next to the cursor (one page and one more), in the queue's order, or reversed before it.</summary>
    static IQueryable<Waiting> Near(IQueryable<Waiting> rows, QueueItemKind kind, ListRequest request)
    {
        if (request.Pattern is { } p) rows = rows.Where(w => EF.Functions.ILike(w.Title, p, "\\") || EF.Functions.ILike(w.Maker, p, "\\"));
        var before = request.Before is not null;
        if (Position(request.Before ?? request.After) is var (at, k, id))
        {
            // The kind is fixed per source, so the three-part key leaves two parts to compare in the database.
            rows = (before, kind.CompareTo(k)) switch
            {
                (false, > 0) => rows.Where(w => (w.At ?? EF.Constant(Far)) >= at),
                (false, 0) => rows.Where(w => (w.At ?? EF.Constant(Far)) > at || ((w.At ?? EF.Constant(Far)) == at && w.Id > id)),
                (false, _) => rows.Where(w => (w.At ?? EF.Constant(Far)) > at),
                (true, < 0) => rows.Where(w => (w.At ?? EF.Constant(Far)) <= at),
                (true, 0) => rows.Where(w => (w.At ?? EF.Constant(Far)) < at || ((w.At ?? EF.Constant(Far)) == at && w.Id < id)),
                (true, _) => rows.Where(w => (w.At ?? EF.Constant(Far)) < at),
            };
        }
        // Far is a literal, not a parameter, so the waiting listings' index on the same expression serves the order and the seek.
        var ordered = before ? rows.OrderByDescending(w => w.At ?? EF.Constant(Far)).ThenByDescending(w => w.Id) : rows.OrderBy(w => w.At ?? EF.Constant(Far)).ThenBy(w => w.Id);
        return ordered.Take(ListRequest.PageSize + 1);
    }

    static (DateTimeOffset At, QueueItemKind Kind, int Id)? Position(ListCursor? cursor)
    {
        var parts = cursor?.Key.Split('.');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) || !Enum.IsDefined((QueueItemKind)kind)) return null;
        return (new DateTimeOffset(ticks, TimeSpan.Zero), (QueueItemKind)kind, (int)cursor!.Value.Id);
    }

    /// <summary>Oldest first; an item without a submission time (a story from before times were kept) goes last.</summary>
    public static List<QueueItem> Oldest(IEnumerable<QueueItem> items) =>
        items.OrderBy(i => i.SubmittedAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Kind).ThenBy(i => i.Id).ToList();

    public async Task<ListingReview> ListingAsync(StaffScope scope, int listingId, CancellationToken ct = default)
    {
        var listing = await scope.Listings(db).AsNoTracking().Where(l => l.Id == listingId)
            .Include(l => l.Maker).Include(l => l.Programme!.Group!.Office).Include(l => l.Category)
            .Include(l => l.Photos).ThenInclude(p => p.Photo)
            .Include(l => l.Revisions.Where(r => r.Status == RevisionStatus.Submitted))
            .AsSplitQuery().SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var gallery = Photos(listing.Photos.Where(p => p.RevisionId is null));
        var live = new ListingVersion(listing.Title, listing.Description, listing.Category!.NameId, gallery);
        var audit = (await AuditAsync(listingId, ct)).Select(a => a with { Zone = listing.Programme!.Group!.Office!.Zone }).ToList();
        var revision = listing.Revisions.SingleOrDefault();
        if (revision is null || listing.Status == ListingStatus.Submitted)
            return new ListingReview(listing.Id, false, listing.Maker!.DisplayName, listing.Programme!.Group!.Name, listing.Programme.Name, listing.Price,
                listing.Status, listing.SubmittedAt, null, live, audit);
        var category = await db.Categories.Where(c => c.Id == revision.CategoryId).Select(c => c.NameId).SingleAsync(ct);
        var revisionPhotos = Photos(listing.Photos.Where(p => p.RevisionId == revision.Id));
        // A revision without photos of its own keeps the live gallery.
        var proposed = new ListingVersion(revision.Title, revision.Description, category, revisionPhotos.Count > 0 ? revisionPhotos : gallery);
        return new ListingReview(listing.Id, true, listing.Maker!.DisplayName, listing.Programme!.Group!.Name, listing.Programme.Name, listing.Price,
            listing.Status, revision.SubmittedAt, live, proposed, audit);
    }

    public async Task<StoryReview> StoryAsync(StaffScope scope, int makerId, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Where(m => m.Id == makerId)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name, m.HomeGroup.Office!.Zone, m.Story.Published, m.Story.Pending, m.Story.Status })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var audit = await db.Set<StoryAuditEntry>().Where(e => e.MakerId == makerId).OrderByDescending(e => e.At)
            .Select(e => new AuditRow(e.At, e.Action.ToString(), db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.Reason, maker.Zone))
            .ToListAsync(ct);
        return new StoryReview(maker.Id, maker.DisplayName, maker.Group, maker.Published, maker.Status == StoryStatus.Pending ? maker.Pending ?? "" : "", audit);
    }

    Task<List<AuditRow>> AuditAsync(int listingId, CancellationToken ct) =>
        db.ListingAudit.Where(e => e.ListingId == listingId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.At, e.Action.ToString(), db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.Reason))
            .ToListAsync(ct);

    static List<ReviewPhoto> Photos(IEnumerable<ListingPhoto> photos) =>
        photos.OrderBy(p => p.Position).Select(p => new ReviewPhoto(p.Photo!.Hash, p.AltText)).ToList();
}
