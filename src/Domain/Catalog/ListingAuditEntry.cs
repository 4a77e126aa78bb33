namespace PasKreatif.Catalog;

public enum AuditAction
{
    Created, Submitted, Approved, Rejected, Paused, Resumed, Archived,
    RevisionSubmitted, RevisionApproved, RevisionRejected, StockChanged,
}

/// <summary>One decision or change in a listing's life: who, when, why. Never edited.</summary>
public class ListingAuditEntry
{
    public long Id { get; init; }
    public int ListingId { get; init; }
    public int? RevisionId { get; init; }
    public AuditAction Action { get; init; }
    public Guid? ActorId { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Reason { get; init; }
}
