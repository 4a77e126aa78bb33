using System.Globalization;
using System.Resources;

namespace PasKreatif.Mail;

/// <summary>Texts of the back office's mails in Mail/BackOfficeMail.resx (Indonesian) and .en.resx, in the recipient's language.</summary>
public sealed class BackOfficeMail
{
    static readonly ResourceManager Texts = new(typeof(BackOfficeMail));

    public static string Text(string key, string culture, params object[] args)
    {
        var info = CultureInfo.GetCultureInfo(culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id");
        var format = Texts.GetString(key, info) ?? throw new InvalidOperationException($"Mail text {key} is missing.");
        return args.Length == 0 ? format : string.Format(info, format, args);
    }
}
