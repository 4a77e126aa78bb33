using PasKreatif.People;

namespace PasKreatif.Makers;

/// <summary>The name buyers see on a maker's shop: the one rule and limit for the invitation, the profile and the column.</summary>
public static class MakerName
{
    public const int MinLength = 2;
    public const int MaxLength = 80;

    /// <summary>The trimmed name, or null when it is too short or too long.</summary>
    public static string? Clean(string? name) =>
        (name ?? "").Trim() is { Length: >= MinLength and <= MaxLength } trimmed ? trimmed : null;
}

/// <summary>A milestone a mentor records on the maker's road to independence, as typed: the one home of the form's rules.</summary>
public sealed record MilestoneInput(MilestoneKind? Kind, DateOnly? Date, string? Note)
{
    public const int NoteMaxLength = 2000;

    /// <summary>Every rule the input breaks that needs no database or clock; whether the date lies ahead is the directory's.</summary>
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(new(nameof(Kind), Kind is null ? "MilestoneKindRequired" : "UnknownMilestone"));
        if (Date is null) errors.Add(new(nameof(Date), "MilestoneDateRequired"));
        if ((Note ?? "").Trim().Length > NoteMaxLength) errors.Add(new(nameof(Note), "NoteTooLong"));
        return errors;
    }
}

/// <summary>A new invitation as a mentor fills it in: the group and an optional note of their own.</summary>
public sealed record InvitationInput(int GroupId, string? Note)
{
    public const int NoteMaxLength = 200;

    public IReadOnlyList<InputError> Validate() =>
        (Note ?? "").Trim().Length > NoteMaxLength ? [new(nameof(Note), "InviteNoteTooLong")] : [];
}
