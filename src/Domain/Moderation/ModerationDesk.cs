using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PasKreatif.Catalog;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Moderation;

/// <summary>
/// Decisions on listings, revisions and stories. Every listing step goes through <see cref="ListingLifecycle"/>,
/// its audit entry is stored in the same save, and the maker is told by mail.
/// </summary>
public sealed class ModerationDesk(MarketplaceDb db, TimeProvider clock, MailQueue mail, ShopLinks links, Notifications.MakerNotices notices, ICatalogChanges catalog)
{

    public async Task ApproveAsync(StaffScope scope, int listingId, CancellationToken ct = default)
    {
        var listing = await LoadAsync(scope, listingId, ct);
        var now = clock.GetUtcNow();
        var revision = PendingRevision(listing);
        var fresh = listing.Status == ListingStatus.Submitted;
        if (fresh)
            db.ListingAudit.Add(listing.Approve(scope.PersonId, now));
        else if (revision is not null)
            db.ListingAudit.Add(listing.ApproveRevision(revision, scope.PersonId, now));
        else
            throw new ListingRuleException("NothingToReview");
        notices.Add(listing.MakerId, Notifications.NotificationKind.ListingApproved, listing.Title, ShopPaths.WorkspaceListing(listing.Id));
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
        var key = fresh ? "ListingApproved" : "RevisionApproved";
        await TellMakerAsync(listing.MakerId, culture => (
            BackOfficeMail.Text(key + "Subject", culture, listing.Title),
            BackOfficeMail.Text(key + "Body", culture, "{name}", listing.Title, links.Product(listing.Slug))), ct);
    }

    public async Task RejectAsync(StaffScope scope, int listingId, string reason, CancellationToken ct = default)
    {
        var listing = await LoadAsync(scope, listingId, ct);
        var now = clock.GetUtcNow();
        var revision = PendingRevision(listing);
        string key;
        if (listing.Status == ListingStatus.Submitted)
        {
            db.ListingAudit.Add(listing.Reject(scope.PersonId, now, reason));
            key = "ListingRejected";
        }
        else if (revision is not null)
        {
            db.ListingAudit.Add(listing.RejectRevision(revision, scope.PersonId, now, reason));
            key = "RevisionRejected";
        }
        else throw new ListingRuleException("NothingToReview");
        notices.Add(listing.MakerId, Notifications.NotificationKind.ListingRejected, listing.Title, ShopPaths.WorkspaceListing(listing.Id));
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
        await TellMakerAsync(listing.MakerId, culture => (
            BackOfficeMail.Text(key + "Subject", culture, listing.Title),
            BackOfficeMail.Text(key + "Body", culture, "{name}", listing.Title, reason.Trim(), links.Workspace)), ct);
    }

    /// <summary>Approves several listings; all must be in scope. Returns how many were approved (ones decided meanwhile are skipped).</summary>
    public async Task<int> ApproveManyAsync(StaffScope scope, IReadOnlyCollection<int> listingIds, CancellationToken ct = default)
    {
        var ids = listingIds.Distinct().ToList();
        if (await scope.Listings(db).CountAsync(l => ids.Contains(l.Id), ct) != ids.Count) throw new OutOfScopeException();
        var approved = 0;
        foreach (var id in ids)
        {
            try
            {
                await ApproveAsync(scope, id, ct);
                approved++;
            }
            catch (ListingRuleException)
            {
                db.ChangeTracker.Clear(); // decided by someone else meanwhile
            }
        }
        return approved;
    }

    public Task ApproveStoryAsync(StaffScope scope, int makerId, CancellationToken ct = default) => DecideStoryAsync(scope, makerId, null, ct);

    public Task RejectStoryAsync(StaffScope scope, int makerId, string reason, CancellationToken ct = default)
    {
        var decision = ModerationDecision.Reject(reason);
        return decision.Validate() is { } problem ? throw new ListingRuleException(problem) : DecideStoryAsync(scope, makerId, decision.Reason, ct);
    }

    async Task DecideStoryAsync(StaffScope scope, int makerId, string? reason, CancellationToken ct)
    {
        var maker = await scope.Makers(db).SingleOrDefaultAsync(m => m.Id == makerId, ct) ?? throw new OutOfScopeException();
        var now = clock.GetUtcNow();
        if (!maker.Story.Decide(reason, now)) throw new ListingRuleException("NothingToReview");
        db.Set<StoryAuditEntry>().Add(new StoryAuditEntry
        {
            MakerId = maker.Id, Action = reason is null ? StoryAction.Approved : StoryAction.Rejected, ActorId = scope.PersonId, At = now, Reason = reason,
        });
        await catalog.RaiseAsync(db, CatalogChange.Maker(maker.Id), ct);
        await db.SaveChangesAsync(ct);
        await TellMakerAsync(maker.Id, culture => reason is null
            ? (BackOfficeMail.Text("StoryApprovedSubject", culture), BackOfficeMail.Text("StoryApprovedBody", culture, "{name}", links.Maker(maker.Slug)))
            : (BackOfficeMail.Text("StoryRejectedSubject", culture), BackOfficeMail.Text("StoryRejectedBody", culture, "{name}", reason, links.Workspace)), ct);
    }

    async Task<Listing> LoadAsync(StaffScope scope, int listingId, CancellationToken ct) =>
        await scope.Listings(db).Include(l => l.Photos).Include(l => l.Revisions.Where(r => r.Status == RevisionStatus.Submitted)).ThenInclude(r => r.Photos)
            .AsSplitQuery().SingleOrDefaultAsync(l => l.Id == listingId, ct) ?? throw new OutOfScopeException();

    static ListingRevision? PendingRevision(Listing listing) => listing.Revisions.FirstOrDefault(r => r.Status == RevisionStatus.Submitted);

    /// <summary>Makers without an email hear it from their mentor; the decision stands either way.</summary>
    async Task TellMakerAsync(int makerId, Func<string, (string Subject, string Body)> compose, CancellationToken ct)
    {
        var person = await db.Makers.Where(m => m.Id == makerId)
            .Select(m => new { m.Person!.Email, m.Person.PreferredCulture, m.DisplayName }).SingleAsync(ct);
        if (string.IsNullOrWhiteSpace(person.Email)) return;
        var (subject, body) = compose(person.PreferredCulture);
        mail.Enqueue(new OutgoingMail(person.Email, subject, body.Replace("{name}", person.DisplayName, StringComparison.Ordinal), ToName: person.DisplayName));
    }
}
