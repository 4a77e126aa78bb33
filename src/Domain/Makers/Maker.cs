using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Makers;

/// <summary>
/// A client who sells through the shop. Only <see cref="DisplayName"/>, home group, programmes
/// and regency are ever public; the private fields below never reach a public page.
/// </summary>
public class Maker
{
    public int Id { get; init; }
    public Guid PersonId { get; init; }
    public Person? Person { get; init; }
    public string DisplayName { get; internal set; } = "";
    public string Slug { get; internal set; } = "";
    public int HomeGroupId { get; internal set; }
    public Group? HomeGroup { get; init; }
    public int RegencyId { get; internal set; }
    public Regency? Regency { get; init; }
    public DateTimeOffset JoinedAt { get; init; }

    // Private: seen by the maker and their mentors and officers only.
    public string? LegalName { get; internal set; }
    public string? Phone { get; internal set; }
    public string? PrivateNotes { get; internal set; }

    public MakerStory Story { get; internal set; } = new();
    public List<MakerProgramme> Programmes { get; init; } = [];
    public List<Milestone> Milestones { get; init; } = [];
}

public enum StoryStatus { None, Pending, Approved, Rejected }

/// <summary>A personal story is opt-in and shows only once a mentor approved it.</summary>
public class MakerStory
{
    public string? Published { get; private set; }
    public string? Pending { get; private set; }
    public StoryStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>When the pending text was last submitted: the moderation queue waits from here.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>A story handed in for review; a new submission replaces a pending one and restarts its wait.</summary>
    public static MakerStory Submitted(string? published, string text, DateTimeOffset at) =>
        new() { Published = published, Pending = text, Status = StoryStatus.Pending, SubmittedAt = at };

    /// <summary>A story already approved and shown (demo data and stories carried over from before the shop).</summary>
    public static MakerStory Shown(string text, DateTimeOffset decidedAt) =>
        new() { Published = text, Status = StoryStatus.Approved, DecidedAt = decidedAt };

    /// <summary>A mentor approves (no reason) or rejects the pending text; false when nothing waits for a decision.</summary>
    public bool Decide(string? rejectionReason, DateTimeOffset at)
    {
        if (Status != StoryStatus.Pending) return false;
        if (rejectionReason is null)
        {
            Published = Pending;
            Pending = null;
            Status = StoryStatus.Approved;
        }
        else Status = StoryStatus.Rejected;
        Reason = rejectionReason;
        DecidedAt = at;
        return true;
    }
}

public class MakerProgramme
{
    public int MakerId { get; internal set; }
    public int ProgrammeId { get; init; }
    public Programme? Programme { get; init; }
}

public enum MilestoneKind { TrainingFinished, Internship, Job, OwnBusiness }

public class Milestone
{
    public int Id { get; init; }
    public int MakerId { get; init; }
    public MilestoneKind Kind { get; init; }
    public DateOnly Date { get; init; }
    public string? Note { get; init; }
    public Guid? RecordedById { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
