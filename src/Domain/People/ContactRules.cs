using System.Net.Mail;

namespace PasKreatif.People;

/// <summary>A person's name as buyers, staff and the checkout give it: the one rule and limit for every form that asks for one.</summary>
public static class PersonName
{
    public const int MinLength = 2;
    public const int MaxLength = 120;

    /// <summary>The trimmed name, or null when it is too short or too long.</summary>
    public static string? Clean(string? name) =>
        (name ?? "").Trim() is { Length: >= MinLength and <= MaxLength } trimmed ? trimmed : null;
}

/// <summary>An email address the shop will mail to and may use as a sign-in name: the one rule for every form that asks for one.</summary>
public static class EmailRule
{
    public const int MaxLength = 254;

    /// <summary>The trimmed address, or null when it is not one whole address of a domain with a dot, in sign-in name characters.</summary>
    public static string? Clean(string? email)
    {
        var address = (email ?? "").Trim();
        return IsValid(address) ? address : null;
    }

    public static bool IsValid(string address) =>
        address.Length is > 0 and <= MaxLength && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && address.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@' or '+');
}

/// <summary>
/// An Indonesian mobile number as people type it (checkout, sign-up, profile, a maker's invitation): the one rule and
/// limit for every form that asks for a phone, and the international form WhatsApp and sign-in by phone use.
/// </summary>
public static class PhoneRule
{
    public const int MaxLength = 32;

    /// <summary>"0812-3456 7890", "+62 812...", "62 812..." or "812..." → "6281234567890"; null when it is no Indonesian mobile number.</summary>
    public static string? International(string? phone)
    {
        var typed = (phone ?? "").Trim();
        if (typed.Length is 0 or > MaxLength || !typed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')')) return null;
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("62", StringComparison.Ordinal)) digits = digits[2..];
        else if (digits.StartsWith('0')) digits = digits[1..];
        // Mobile numbers start 8 after the country code or the 0: 8 to 12 digits, as operators hand them out.
        return digits.Length is >= 8 and <= 12 && digits[0] == '8' ? "62" + digits : null;
    }

    public static bool IsValid(string? phone) => International(phone) is not null;
}
