using System.Security.Cryptography;

namespace PasKreatif.Catalog;

/// <summary>
/// The rules for a listing and its photos drafted without signal and sent later from the phone's outbox.
/// Every queued item carries the phone's own key; the same key sent again finds what the first send made,
/// so a retry after a lost answer never makes a second listing or a second photo.
/// </summary>
public static class OfflineListing
{
    /// <summary>A key the phone made (a random UUID); the empty one is what a broken client sends.</summary>
    public static bool IsKey(Guid? key) => key is { } k && k != Guid.Empty;

    /// <summary>
    /// The id a photo sent with <paramref name="key"/> is uploaded under. Upload ids are unique across the shop,
    /// so the maker's id is mixed in: one maker's key can never name, or collide with, another maker's upload.
    /// </summary>
    public static Guid UploadId(int makerId, Guid key)
    {
        Span<byte> input = stackalloc byte[20];
        BitConverter.TryWriteBytes(input, makerId);
        key.TryWriteBytes(input[4..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
