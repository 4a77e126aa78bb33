using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Makers;

/// <summary>
/// A client who sells through the shop. Only <see cref="DisplayName"/>, home group, programmes
/// and regency are ever public; the private fields below never reach a public page.
/// </summary>
public class Maker
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public string DisplayName { get; set; } = "";
    public string Slug { get; set; } = "";
    public int HomeGroupId { get; set; }
    public Group? HomeGroup { get; set; }
    public int RegencyId { get; set; }
    public Regency? Regency { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    // Private: seen by the maker and their mentors and officers only.
    public string? LegalName { get; set; }
    public string? Phone { get; set; }
    public string? PrivateNotes { get; set; }

    public MakerStory Story { get; set; } = new();
    public List<MakerProgramme> Programmes { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
}

public enum StoryStatus { None, Pending, Approved, Rejected }

/// <summary>A personal story is opt-in and shows only once a mentor approved it.</summary>
public class MakerStory
{
    public string? Published { get; set; }
    public string? Pending { get; set; }
    public StoryStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>When the pending text was last submitted: the moderation queue waits from here.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>A story handed in for review; a new submission replaces a pending one and restarts its wait.</summary>
    public static MakerStory Submitted(string? published, string text, DateTimeOffset at) =>
        new() { Published = published, Pending = text, Status = StoryStatus.Pending, SubmittedAt = at };
}

public class MakerProgramme
{
    public int MakerId { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
}

public enum MilestoneKind { TrainingFinished, Internship, Job, OwnBusiness }

public class Milestone
{
    public int Id { get; set; }
    public int MakerId { get; set; }
    public MilestoneKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
