namespace PasKreatif.Orders;

/// <summary>A bank transfer's reference as staff copy it from a statement: a payment received or a refund sent.</summary>
public sealed record TransferReferenceInput(string? Reference)
{
    public const int ReferenceMaxLength = 120;

    public IReadOnlyList<InputError> Validate() =>
        (Reference ?? "").Trim().Length > ReferenceMaxLength ? [new(nameof(Reference), "ReferenceTooLong")] : [];
}

/// <summary>The note staff add when they cancel a part or refund lines; it is kept with the refund.</summary>
public sealed record StaffNoteInput(string? Note)
{
    public const int NoteMaxLength = 500;

    public IReadOnlyList<InputError> Validate() =>
        (Note ?? "").Length > NoteMaxLength ? [new(nameof(Note), "NoteTooLong")] : [];
}
