using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Sharing;

/// <summary>A listing decision the mentor just made, with the maker's number for a WhatsApp message.</summary>
public sealed record RecentDecision(int ListingId, string Title, string Slug, string MakerName, string? MakerPhone, bool Approved, string? Reason, DateTimeOffset At);

/// <summary>What a mentor may pass on to makers who read no email: their own recent listing decisions.</summary>
public sealed class MentorMessages(MarketplaceDb db, TimeProvider clock)
{
    static readonly AuditAction[] Decisions = [AuditAction.Approved, AuditAction.Rejected, AuditAction.RevisionApproved, AuditAction.RevisionRejected];

    public async Task<List<RecentDecision>> RecentDecisionsAsync(StaffScope scope, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var listings = scope.Listings(db);
        var rows = await db.ListingAudit.Where(e => e.ActorId == scope.PersonId && e.At > since && Decisions.Contains(e.Action))
            .Join(listings, e => e.ListingId, l => l.Id, (e, l) => new { EntryId = e.Id, ListingId = l.Id, l.Title, l.Slug, Maker = l.Maker!.DisplayName, l.Maker.Phone, e.Action, e.Reason, e.At })
            .OrderByDescending(x => x.At).ThenByDescending(x => x.EntryId).Take(5).ToListAsync(ct);
        return rows.Select(r => new RecentDecision(r.ListingId, r.Title, r.Slug, r.Maker, r.Phone,
            r.Action is AuditAction.Approved or AuditAction.RevisionApproved, r.Reason, r.At)).ToList();
    }
}
