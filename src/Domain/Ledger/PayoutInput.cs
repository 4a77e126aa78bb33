namespace PasKreatif.Ledger;

/// <summary>What an officer types to record a payout, before the balance is checked: the one home of the form's rules and limits.</summary>
public sealed record PayoutInput(string? Amount, PayoutMethod? Method, string? Reference)
{
    public const int ReferenceMaxLength = Payout.ReferenceMaxLength;

    /// <summary>The amount as the one rupiah parser reads it; zero when it cannot.</summary>
    public Money ParsedAmount => Money.TryParse(Amount, out var amount) == MoneyProblem.None ? amount : Money.Zero;

    /// <summary>Every rule the input breaks, one error per field; none when the payout may be tried against the balance.</summary>
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        // "25.000", "25000" and "Rp25.000" all mean the same; "25,5", "-25000" and "2e4" are refused, never guessed.
        if (Money.TryParse(Amount, out _) is not MoneyProblem.None and var problem) errors.Add(InputError.Money(nameof(Amount), problem));
        if (Method is not { } method || !Enum.IsDefined(method)) errors.Add(new(nameof(Method), "MethodRequired"));
        if ((Reference ?? "").Trim().Length > ReferenceMaxLength) errors.Add(new(nameof(Reference), "ReferenceTooLong"));
        return errors;
    }
}

/// <summary>Why an officer corrects a recorded payout: required, and as long as a ledger note may be.</summary>
public sealed record PayoutReversalInput(string? Note)
{
    public const int NoteMaxLength = LedgerEntry.NoteMaxLength;

    public IReadOnlyList<InputError> Validate() =>
        string.IsNullOrWhiteSpace(Note) || Note.Trim().Length > NoteMaxLength ? [new(nameof(Note), "ReversalNoteRequired")] : [];
}
