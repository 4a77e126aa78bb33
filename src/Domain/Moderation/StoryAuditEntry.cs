namespace PasKreatif.Moderation;

public enum StoryAction { Approved, Rejected }

/// <summary>A mentor's decision on a maker's personal story: who, when, why. Never edited.</summary>
public class StoryAuditEntry
{
    public long Id { get; init; }
    public int MakerId { get; init; }
    public StoryAction Action { get; init; }
    public Guid ActorId { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Reason { get; init; }
}
