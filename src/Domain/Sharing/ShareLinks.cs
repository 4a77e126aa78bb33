using PasKreatif.People;

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

    /// <summary>The number WhatsApp wants, by the one phone rule (<see cref="PhoneRule"/>).</summary>
    public static string? InternationalPhone(string? phone) => PhoneRule.International(phone);
}
