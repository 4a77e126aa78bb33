using System.Globalization;
using PasKreatif.Organisation;

namespace PasKreatif.BackOffice;

/// <summary>A regency's monthly target as an officer types it: rupiah by the one parser, and the month it starts ("2026-12").</summary>
public sealed record TargetInput(string? Amount, string? FromMonth)
{
    /// <summary>The amount as the one rupiah parser reads it; zero when it cannot.</summary>
    public Money ParsedAmount => Money.TryParse(Amount, out var amount) == MoneyProblem.None ? amount : Money.Zero;

    /// <summary>The first day of the month typed, or null when it is no month.</summary>
    public DateOnly? Month =>
        DateOnly.TryParseExact((FromMonth ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>Every rule the input breaks that needs no database; whether the target is positive and not past is the settings'.</summary>
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (Money.TryParse(Amount, out _) is not MoneyProblem.None and var problem) errors.Add(InputError.Money(nameof(Amount), problem));
        if (Month is null) errors.Add(new(nameof(FromMonth), "MonthInvalid"));
        return errors;
    }
}
