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
