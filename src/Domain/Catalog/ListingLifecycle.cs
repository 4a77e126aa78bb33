namespace PasKreatif.Catalog;

/// <summary>A step the listing's current state does not allow; the code names it for the message shown.</summary>
public sealed class ListingRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>
/// The listing lifecycle of shared/decisions.md: Draft → Submitted → Approved | Rejected;
/// Approved ↔ Paused; any → Archived. Words and photos of a listing on sale change through a
/// <see cref="ListingRevision"/> while the approved version stays on sale. Every step returns the
/// audit entry the caller stores with it.
/// </summary>
public static class ListingLifecycle
{
    /// <summary>Words and photos of a listing not yet on sale change in place; otherwise by revision.</summary>
    public static bool EditsInPlace(this Listing listing) =>
        listing.Status is ListingStatus.Draft or ListingStatus.Rejected or ListingStatus.Submitted;

    public static ListingAuditEntry Submit(this Listing listing, Guid actor, DateTimeOffset now)
    {
        Require(listing, "CannotSubmit", ListingStatus.Draft, ListingStatus.Rejected);
        listing.Status = ListingStatus.Submitted;
        listing.SubmittedAt = now;
        listing.RejectionReason = null;
        return Touch(listing, AuditAction.Submitted, actor, now);
    }

    public static ListingAuditEntry Approve(this Listing listing, Guid actor, DateTimeOffset now)
    {
        Require(listing, "CannotApprove", ListingStatus.Submitted);
        listing.Status = ListingStatus.Approved;
        listing.PublishedAt ??= now;
        listing.RejectionReason = null;
        return Touch(listing, AuditAction.Approved, actor, now);
    }

    public static ListingAuditEntry Reject(this Listing listing, Guid actor, DateTimeOffset now, string reason)
    {
        Require(listing, "CannotReject", ListingStatus.Submitted);
        var why = RequireReason(reason);
        listing.Status = ListingStatus.Rejected;
        listing.RejectionReason = why;
        return Touch(listing, AuditAction.Rejected, actor, now, listing.RejectionReason);
    }

    public static ListingAuditEntry Pause(this Listing listing, Guid actor, DateTimeOffset now)
    {
        Require(listing, "CannotPause", ListingStatus.Approved);
        listing.Status = ListingStatus.Paused;
        return Touch(listing, AuditAction.Paused, actor, now);
    }

    public static ListingAuditEntry Resume(this Listing listing, Guid actor, DateTimeOffset now)
    {
        Require(listing, "CannotResume", ListingStatus.Paused);
        listing.Status = ListingStatus.Approved;
        return Touch(listing, AuditAction.Resumed, actor, now);
    }

    public static ListingAuditEntry Archive(this Listing listing, Guid actor, DateTimeOffset now)
    {
        if (listing.Status == ListingStatus.Archived) throw new ListingRuleException("AlreadyArchived");
        listing.Status = ListingStatus.Archived;
        return Touch(listing, AuditAction.Archived, actor, now);
    }

    /// <summary>Stock needs no review: it changes on a listing in any state but archived.</summary>
    public static ListingAuditEntry SetStock(this Listing listing, int stock, Guid actor, DateTimeOffset now)
    {
        if (stock < 0) throw new ListingRuleException("NegativeStock");
        if (listing.Status == ListingStatus.Archived) throw new ListingRuleException("Archived");
        var before = listing.Stock;
        listing.Stock = stock;
        return Touch(listing, AuditAction.StockChanged, actor, now, $"{before} → {stock}");
    }

    /// <summary>A new price shows at once, as from the listing form; what buyers already ordered keeps its price.</summary>
    public static void SetPrice(this Listing listing, Money price, DateTimeOffset now)
    {
        if (listing.Status == ListingStatus.Archived) throw new ListingRuleException("Archived");
        listing.Price = price;
        listing.UpdatedAt = now;
    }

    /// <summary>Proposes new words for a listing on sale (or paused); photos are added to the revision by the caller.</summary>
    public static ListingRevision Revise(this Listing listing, string title, string description, int categoryId, DateTimeOffset now)
    {
        if (listing.EditsInPlace() || listing.Status == ListingStatus.Archived) throw new ListingRuleException("NoRevisionNeeded");
        if (listing.Revisions.Any(r => r.Status is RevisionStatus.Draft or RevisionStatus.Submitted))
            throw new ListingRuleException("RevisionPending");
        var revision = new ListingRevision
        {
            ListingId = listing.Id, Title = title, Description = description, CategoryId = categoryId,
            Status = RevisionStatus.Draft, CreatedAt = now,
        };
        listing.Revisions.Add(revision);
        return revision;
    }

    public static ListingAuditEntry SubmitRevision(this Listing listing, ListingRevision revision, Guid actor, DateTimeOffset now)
    {
        if (revision.Status is not (RevisionStatus.Draft or RevisionStatus.Rejected)) throw new ListingRuleException("CannotSubmitRevision");
        revision.Status = RevisionStatus.Submitted;
        revision.SubmittedAt = now;
        revision.Reason = null;
        return new ListingAuditEntry { ListingId = listing.Id, RevisionId = revision.Id, Action = AuditAction.RevisionSubmitted, ActorId = actor, At = now };
    }

    /// <summary>The revision's words and photos become the listing's; the old photos leave the gallery.</summary>
    public static ListingAuditEntry ApproveRevision(this Listing listing, ListingRevision revision, Guid actor, DateTimeOffset now)
    {
        if (revision.Status != RevisionStatus.Submitted) throw new ListingRuleException("CannotApproveRevision");
        revision.Status = RevisionStatus.Approved;
        revision.DecidedAt = now;
        listing.Title = revision.Title;
        listing.Description = revision.Description;
        listing.CategoryId = revision.CategoryId;
        if (revision.Photos.Count > 0)
        {
            listing.Photos.RemoveAll(p => p.RevisionId is null);
            foreach (var photo in revision.Photos)
            {
                photo.RevisionId = null;
                listing.Photos.Add(photo);
            }
            revision.Photos.Clear();
        }
        listing.UpdatedAt = now;
        return new ListingAuditEntry { ListingId = listing.Id, RevisionId = revision.Id, Action = AuditAction.RevisionApproved, ActorId = actor, At = now };
    }

    public static ListingAuditEntry RejectRevision(this Listing listing, ListingRevision revision, Guid actor, DateTimeOffset now, string reason)
    {
        if (revision.Status != RevisionStatus.Submitted) throw new ListingRuleException("CannotRejectRevision");
        var why = RequireReason(reason);
        revision.Status = RevisionStatus.Rejected;
        revision.DecidedAt = now;
        revision.Reason = why;
        return new ListingAuditEntry { ListingId = listing.Id, RevisionId = revision.Id, Action = AuditAction.RevisionRejected, ActorId = actor, At = now, Reason = revision.Reason };
    }

    static void Require(Listing listing, string code, params ListingStatus[] allowed)
    {
        if (!allowed.Contains(listing.Status)) throw new ListingRuleException(code);
    }

    static string RequireReason(string reason)
    {
        var decision = ModerationDecision.Reject(reason);
        return decision.Validate() is { } problem ? throw new ListingRuleException(problem) : decision.Reason!;
    }

    static ListingAuditEntry Touch(Listing listing, AuditAction action, Guid actor, DateTimeOffset now, string? reason = null)
    {
        listing.UpdatedAt = now;
        return new ListingAuditEntry { ListingId = listing.Id, Action = action, ActorId = actor, At = now, Reason = reason };
    }
}
