namespace PasKreatif;

/// <summary>
/// A field a person must fix on a form, and the code that names the message; every form's input type returns these
/// from its <c>Validate()</c>, and the page shows each one beside its field in the reader's language.
/// </summary>
public sealed record InputError(string Field, string Code)
{
    const string MoneyPrefix = "Money.";

    /// <summary>An amount the one rupiah parser refused; <see cref="MoneyProblem"/> says why.</summary>
    public static InputError Money(string field, MoneyProblem problem) => new(field, MoneyPrefix + problem);

    /// <summary>Why the typed amount was refused, for <see cref="PasKreatif.Money.Explain"/>; null for any other error.</summary>
    public MoneyProblem? MoneyProblem =>
        Code.StartsWith(MoneyPrefix, StringComparison.Ordinal) && Enum.TryParse<MoneyProblem>(Code[MoneyPrefix.Length..], out var p) ? p : null;
}
