using System.Text.RegularExpressions;

namespace PasKreatif.People;

/// <summary>
/// Finds email addresses and Indonesian phone numbers (08xx, +62, 62..., with spaces, dots or dashes)
/// in a message, so they can be hidden from the other side: buyers and makers talk only through the shop.
/// </summary>
public static partial class ContactDetails
{
    public const string Hidden = "••••••";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9\-]+(?:\s*\.\s*[A-Za-z0-9\-]+)*\s*\.\s*[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // A leading +62, 62 or 0, a national number starting 1-9, then 7 to 11 more digits, each optionally after a space, dot, dash or bracket.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:\+\s?62|62|\(?0)[\s.\-]?\(?[1-9](?:[\s.\-()]{0,2}\d){7,11}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    public static bool HasEmail(string? text) => text is not null && Email().IsMatch(text);

    public static bool HasPhone(string? text) => text is not null && Phone().IsMatch(text);

    public static bool Found(string? text) => HasEmail(text) || HasPhone(text);

    /// <summary>The text with every email and phone number replaced by <see cref="Hidden"/>.</summary>
    public static string Mask(string text) => Phone().Replace(Email().Replace(text, Hidden), Hidden);
}
