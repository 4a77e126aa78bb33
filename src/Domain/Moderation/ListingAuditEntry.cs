namespace PasKreatif.Moderation;

public enum AuditAction
{
    Created, Submitted, Approved, Rejected, Paused, Resumed, Archived,
    RevisionSubmitted, RevisionApproved, RevisionRejected, StockChanged,
}

/// <summary>One decision or change in a listing's life: who, when, why. Never edited.</summary>
public class ListingAuditEntry
{
    public long Id { get; set; }
    public int ListingId { get; set; }
    public int? RevisionId { get; set; }
    public AuditAction Action { get; set; }
    public Guid? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}
