namespace PasKreatif;

/// <summary>
/// A staff decision on a listing, a revision, a maker's story or a review: approve, or reject with a reason
/// the author reads. The one home of the reason's rules, whatever is being moderated.
/// </summary>
public readonly record struct ModerationDecision(bool Approves, string? Reason)
{
    /// <summary>The longest reason stored and mailed.</summary>
    public const int MaxReason = 1000;

    /// <summary>The longest free text a moderator types; a saved reason shares the rest of <see cref="MaxReason"/>.</summary>
    public const int MaxNote = 900;

    public static ModerationDecision Approve() => new(true, null);

    public static ModerationDecision Reject(string? reason) => new(false, reason?.Trim() ?? "");

    /// <summary>A saved reason (already in the author's words) followed by the moderator's own note.</summary>
    public static ModerationDecision Reject(string? savedReason, string? note) =>
        Reject(string.Join(" ", new[] { savedReason?.Trim(), note?.Trim() }.Where(s => !string.IsNullOrEmpty(s))));

    /// <summary>Null when the decision may be recorded; otherwise "ReasonRequired" or "ReasonTooLong".</summary>
    public string? Validate() =>
        Approves ? null
        : string.IsNullOrWhiteSpace(Reason) ? "ReasonRequired"
        : Reason.Length > MaxReason ? "ReasonTooLong"
        : null;
}
