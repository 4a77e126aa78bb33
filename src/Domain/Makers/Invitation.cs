using System.Security.Cryptography;
using System.Text;

namespace PasKreatif.Makers;

/// <summary>A one-time link a mentor shares with a new maker. Only the token's hash is stored.</summary>
public class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; init; }
    public string TokenHash { get; init; } = "";
    public int GroupId { get; init; }
    public int RegencyId { get; init; }
    public Guid CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; internal set; }
    public int? MakerId { get; internal set; }
    /// <summary>A name the mentor noted to recognise the invitation; never shown publicly.</summary>
    public string? Note { get; init; }

    public bool IsUsable(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
