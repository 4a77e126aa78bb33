namespace PasKreatif.Reviews;

public enum ReviewStatus { Pending, Approved, Rejected }

/// <summary>A buyer's verdict on a product bought and received; public only once a mentor approves it.</summary>
public class Review
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public int MakerId { get; set; }
    public int OrderLineId { get; set; }
    /// <summary>Null for a guest, who reviewed from the order's token link.</summary>
    public Guid? BuyerId { get; set; }
    /// <summary>First name and initial only ("Sari W."), fixed when written.</summary>
    public string BuyerShownName { get; set; } = "";
    public int Stars { get; set; }
    public string? Text { get; set; }
    public ReviewStatus Status { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public List<ReviewPhoto> Photos { get; set; } = [];
}

public class ReviewPhoto
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public int PhotoId { get; set; }
    public Media.Photo? Photo { get; set; }
    public int Position { get; set; }
}

public enum ReviewAction { Written, Approved, Rejected, Replied }

/// <summary>Who decided what on a review, when and why. Never edited.</summary>
public class ReviewAuditEntry
{
    public long Id { get; set; }
    public int ReviewId { get; set; }
    public ReviewAction Action { get; set; }
    public Guid ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A review step refused by a rule; <see cref="Code"/> names a text key.</summary>
public sealed class ReviewRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
