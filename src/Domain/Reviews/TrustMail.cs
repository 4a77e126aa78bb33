using System.Globalization;
using System.Resources;

namespace PasKreatif.Reviews;

/// <summary>Texts of review and question mails in Reviews/TrustMail.resx (Indonesian) and .en.resx, in the recipient's language.</summary>
public sealed class TrustMail
{
    static readonly ResourceManager Texts = new(typeof(TrustMail));

    public static string Text(string key, string? culture, params object[] args)
    {
        var info = CultureInfo.GetCultureInfo(culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id");
        var format = Texts.GetString(key, info) ?? throw new InvalidOperationException($"Mail text {key} is missing.");
        return args.Length == 0 ? format : string.Format(info, format, args);
    }
}
