using System.Security.Cryptography;
using NetVips;

namespace PasKreatif.Media;

/// <summary>The picture as stored: its content hash and size; variants are found by <see cref="PhotoSizes.Key"/>.</summary>
public sealed record ProcessedPhoto(string Hash, int Width, int Height, string OriginalKey);

/// <summary>
/// Turns an uploaded picture into the public sizes in WebP and JPEG, upright and without any
/// metadata, and keeps the original out of public reach. The one way images enter the shop.
/// </summary>
public sealed class PhotoPipeline(IMediaStore store)
{
    public const int JpegQuality = 80;
    public const int WebpQuality = 75;

    public async Task<ProcessedPhoto> StoreAsync(byte[] original, CancellationToken ct = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(original));
        var originalKey = $"originals/{hash[..2]}/{hash}";
        await store.PutAsync(originalKey, original, "application/octet-stream", ct);

        using var source = Image.NewFromBuffer(original, access: Enums.Access.Sequential);
        using var upright = source.Autorot();
        int width = upright.Width, height = upright.Height;
        foreach (var target in PhotoSizes.Widths)
        {
            // Thumbnail reads the buffer again so each size is decoded at the cheapest scale.
            using var thumb = Image.ThumbnailBuffer(original, Math.Min(target, width), height: 10_000, size: Enums.Size.Down);
            using var pixels = thumb.CopyMemory();
            await store.PutAsync(PhotoSizes.Key(hash, target, "webp"), pixels.WebpsaveBuffer(q: WebpQuality, keep: Enums.ForeignKeep.None), "image/webp", ct);
            await store.PutAsync(PhotoSizes.Key(hash, target, "jpg"), pixels.JpegsaveBuffer(q: JpegQuality, keep: Enums.ForeignKeep.None, interlace: true), "image/jpeg", ct);
        }
        return new ProcessedPhoto(hash, width, height, originalKey);
    }
}
