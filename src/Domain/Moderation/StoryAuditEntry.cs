namespace PasKreatif.Moderation;

public enum StoryAction { Approved, Rejected }

/// <summary>A mentor's decision on a maker's personal story: who, when, why. Never edited.</summary>
public class StoryAuditEntry
{
    public long Id { get; set; }
    public int MakerId { get; set; }
    public StoryAction Action { get; set; }
    public Guid ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}
