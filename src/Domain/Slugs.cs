using System.Globalization;
using System.Text;

namespace PasKreatif;

public static class Slugs
{
    /// <summary>A lower-case ASCII slug for URLs: "Kue Lapis Légit!" → "kue-lapis-legit".</summary>
    public static string From(string text, int maxLength = 80)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0) builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else dash = true;
            if (builder.Length >= maxLength) break;
        }
        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? "item" : slug;
    }
}
