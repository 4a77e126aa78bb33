using System.Globalization;

namespace PasKreatif;

/// <summary>
/// The one reader of typed percentages: "2,5", "2.5", "2,5 %", "10". Digits other than 0–9, signs, exponents,
/// thousands separators and empty input are refused; whether the value is allowed is the caller's rule.
/// </summary>
public static class Percent
{
    public static bool TryParse(string? typed, out decimal value)
    {
        value = 0;
        var text = (typed ?? "").Replace('\u00A0', ' ').Trim();
        if (text.EndsWith('%')) text = text[..^1].TrimEnd();
        // Twelve characters hold any percentage a person types; longer is not a percentage.
        if (text.Length is 0 or > 12) return false;
        if (!text.All(c => char.IsAsciiDigit(c) || c is ',' or '.')) return false;
        // One decimal mark, comma (Indonesian) or point, with digits on both sides: "1.000,5" is not read.
        if (text.Count(c => c is ',' or '.') > 1 || text[0] is ',' or '.' || text[^1] is ',' or '.') return false;
        value = decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }
}
