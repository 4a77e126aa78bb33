using System.Globalization;

namespace PasKreatif;

/// <summary>An amount of rupiah. IDR has no minor unit in practice, so amounts are whole rupiah.</summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    public static readonly Money Zero = new(0m);

    // Indonesian grouping is fixed ("Rp25.000") whatever culture the page renders in.
    static readonly NumberFormatInfo Rupiah = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    public static Money Of(decimal amount) => new(decimal.Round(amount, 0, MidpointRounding.AwayFromZero));

    public bool IsNegative => Amount < 0;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
    public static Money operator -(Money a) => new(-a.Amount);
    public static Money operator *(Money a, int quantity) => new(a.Amount * quantity);
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    /// <summary>The share that remains after a percentage fee, rounded to whole rupiah.</summary>
    public Money LessPercent(decimal percent) => Of(Amount * (100m - percent) / 100m);

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public static Money Sum(IEnumerable<Money> amounts) => new(amounts.Sum(m => m.Amount));

    public override string ToString() =>
        (Amount < 0 ? "-Rp" : "Rp") + Math.Abs(Amount).ToString("#,0", Rupiah);
}
