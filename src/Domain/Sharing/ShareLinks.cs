namespace PasKreatif.Sharing;

/// <summary>WhatsApp links: to share a page with anyone, or to send a maker a message on the number their mentor keeps.</summary>
public static class ShareLinks
{
    /// <summary>https://wa.me/?text= with the title and the canonical address, URL-encoded.</summary>
    public static string WhatsApp(string title, string canonicalUrl) =>
        "https://wa.me/?text=" + Uri.EscapeDataString($"{title} {canonicalUrl}");

    /// <summary>A message to one number; null when the number is not a usable Indonesian phone.</summary>
    public static string? WhatsAppTo(string? phone, string message) =>
        InternationalPhone(phone) is { } number ? $"https://wa.me/{number}?text={Uri.EscapeDataString(message)}" : null;

    /// <summary>"0812-3456 7890", "+62 812..." or "62812..." → "6281234567890"; null when it is no phone number.</summary>
    public static string? InternationalPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("62", StringComparison.Ordinal)) digits = digits[2..];
        else if (digits.StartsWith('0')) digits = digits[1..];
        else if (!phone.TrimStart().StartsWith('8')) return null;
        return digits.Length is >= 8 and <= 12 && digits[0] != '0' ? "62" + digits : null;
    }
}
