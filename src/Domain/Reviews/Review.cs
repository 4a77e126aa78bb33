namespace PasKreatif.Reviews;

public enum ReviewStatus { Pending, Approved, Rejected }

/// <summary>A buyer's verdict on a product bought and received; public only once a mentor approves it.</summary>
public class Review
{
    public int Id { get; init; }
    public int ListingId { get; init; }
    public int MakerId { get; init; }
    public int OrderLineId { get; init; }
    /// <summary>Null for a guest, who reviewed from the order's token link.</summary>
    public Guid? BuyerId { get; init; }
    /// <summary>First name and initial only ("Sari W."), fixed when written.</summary>
    public string BuyerShownName { get; init; } = "";
    public int Stars { get; init; }
    public string? Text { get; init; }
    public ReviewStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public List<ReviewPhoto> Photos { get; init; } = [];

    /// <summary>A mentor approves (no reason) or rejects a pending review; a decided one stays as it was decided.</summary>
    public void Decide(string? rejectionReason, DateTimeOffset at)
    {
        if (Status != ReviewStatus.Pending) throw new ReviewRuleException("AlreadyDecided");
        Status = rejectionReason is null ? ReviewStatus.Approved : ReviewStatus.Rejected;
        RejectionReason = rejectionReason;
        DecidedAt = at;
    }

    /// <summary>The maker's one public reply, to an approved review only.</summary>
    public void ReplyWith(string reply, DateTimeOffset at)
    {
        if (Status != ReviewStatus.Approved) throw new ReviewRuleException("NotApproved");
        if (Reply is not null) throw new ReviewRuleException("AlreadyReplied");
        Reply = reply;
        RepliedAt = at;
    }
}

public class ReviewPhoto
{
    public int Id { get; init; }
    public int ReviewId { get; init; }
    public int PhotoId { get; init; }
    public Media.Photo? Photo { get; init; }
    public int Position { get; init; }
}

public enum ReviewAction { Written, Approved, Rejected, Replied }

/// <summary>Who decided what on a review, when and why. Never edited.</summary>
public class ReviewAuditEntry
{
    public long Id { get; init; }
    public int ReviewId { get; init; }
    public ReviewAction Action { get; init; }
    public Guid ActorId { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A review step refused by a rule; <see cref="Code"/> names a text key.</summary>
public sealed class ReviewRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
