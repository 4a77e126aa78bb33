using System.Globalization;
using System.Resources;

namespace PasKreatif;

/// <summary>Why a typed amount was refused; <see cref="Money.Explain"/> gives the message in the reader's language.</summary>
public enum MoneyProblem { None, Empty, Negative, Fraction, Exponent, NonAsciiDigit, TooLarge, Malformed }

/// <summary>
/// An amount of rupiah. IDR has no minor unit in practice, so amounts are whole rupiah.
/// The shop's one rounding rule: to whole rupiah, half up (<see cref="Of"/>), applied per line.
/// </summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    public static readonly Money Zero = new(0m);

    /// <summary>The largest amount anyone may type: a column holds 14 digits, nobody sells for a trillion.</summary>
    public static readonly Money MaxTyped = new(999_999_999_999m);

    // Indonesian grouping is fixed ("Rp25.000") whatever culture the page renders in.
    static readonly NumberFormatInfo Rupiah = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };
    static readonly ResourceManager Texts = new("PasKreatif.MoneyText", typeof(Money).Assembly);

    /// <summary>Whole rupiah, half up: Rp0,5 becomes Rp1. Every credit, fee and share is rounded here and only here.</summary>
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

    /// <summary>The share that remains after a percentage fee, rounded to whole rupiah (half up); the remainder stays with the group.</summary>
    public Money LessPercent(decimal percent) => Of(Amount * (100m - percent) / 100m);

    /// <summary>The part of this amount that <paramref name="part"/> of <paramref name="whole"/> units carry, rounded half up.</summary>
    public Money ShareOf(int part, int whole) => whole <= 0 ? Zero : Of(Amount * part / whole);

    /// <summary>
    /// Whole percent of <paramref name="target"/> this amount reaches, rounded down so 99.9% never counts as reaching it;
    /// a loss or no target is 0%. Every "percent of target" the shop shows, to maker or staff, is this one.
    /// </summary>
    public int PercentOf(Money target) => target.Amount <= 0 ? 0 : (int)Math.Floor(Math.Max(0m, Amount) * 100m / target.Amount);

    public static Money Max(Money a, Money b) => a >= b ? a : b;
    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public static Money Sum(IEnumerable<Money> amounts) => new(amounts.Sum(m => m.Amount));

    public override string ToString() =>
        (Amount < 0 ? "-Rp" : "Rp") + Math.Abs(Amount).ToString("#,0", Rupiah);

    /// <summary>
    /// The one reader of typed rupiah: "100000", "100.000", "Rp100.000", "Rp 100.000" (and "Rp. 100.000").
    /// Negatives, fractions and decimal commas, exponents, digits other than 0–9, empty input and
    /// amounts above <see cref="MaxTyped"/> are refused with a <see cref="MoneyProblem"/>; zero is accepted
    /// (whether zero makes sense is the caller's rule).
    /// </summary>
    public static MoneyProblem TryParse(string? typed, out Money amount)
    {
        amount = Zero;
        var text = (typed ?? "").Replace('\u00A0', ' ').Trim();
        if (text.Length == 0) return MoneyProblem.Empty;
        if (text.Contains('-') || text.Contains('\u2212')) return MoneyProblem.Negative;
        if (text.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
            if (text.StartsWith('.')) text = text[1..];
            text = text.TrimStart();
        }
        if (text.Length == 0) return MoneyProblem.Empty;
        if (text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c))) return MoneyProblem.NonAsciiDigit;
        if (text.Any(c => c is 'e' or 'E') && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is 'e' or 'E' or '.' or '+' or ','))
            return MoneyProblem.Exponent;
        if (text.Contains(',')) return MoneyProblem.Fraction;
        if (!text.All(c => char.IsAsciiDigit(c) || c == '.')) return MoneyProblem.Malformed;

        var groups = text.Split('.');
        if (groups.Any(g => g.Length == 0)) return MoneyProblem.Malformed;
        if (groups.Length > 1)
        {
            // "100.5" or "1.00" read as a decimal point: say so rather than guess.
            if (groups[^1].Length != 3) return MoneyProblem.Fraction;
            if (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3)) return MoneyProblem.Malformed;
        }
        var digits = string.Concat(groups).TrimStart('0');
        if (digits.Length > 12) return MoneyProblem.TooLarge;
        var value = digits.Length == 0 ? 0m : decimal.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > MaxTyped.Amount) return MoneyProblem.TooLarge;
        amount = new Money(value);
        return MoneyProblem.None;
    }

    /// <summary>The message for a refused amount, in the given language (Indonesian unless English).</summary>
    public static string Explain(MoneyProblem problem, CultureInfo? culture = null)
    {
        var info = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en" ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("id");
        return Texts.GetString("Money." + problem, info) ?? throw new InvalidOperationException($"Money text {problem} is missing.");
    }
}
