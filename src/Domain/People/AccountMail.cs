using System.Globalization;
using System.Resources;

namespace PasKreatif.People;

/// <summary>The set-password mail's texts, from AccountMail.resx and .en.resx.</summary>
public sealed class AccountMail
{
    static readonly ResourceManager Texts = new(typeof(AccountMail));

    public static string Text(string key, string culture, params object[] args)
    {
        var info = CultureInfo.GetCultureInfo(culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id");
        var format = Texts.GetString(key, info) ?? throw new InvalidOperationException($"Mail text {key} is missing.");
        return args.Length == 0 ? format : string.Format(info, format, args);
    }
}
