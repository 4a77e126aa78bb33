using System.Security.Cryptography;
using NetVips;

namespace PasKreatif.Media;

/// <summary>The picture as stored: its content hash and size; variants are found by <see cref="PhotoSizes.Key"/>.</summary>
public sealed record ProcessedPhoto(string Hash, int Width, int Height, string OriginalKey);

/// <summary>
/// Turns an uploaded picture into the public sizes in WebP and JPEG, upright and without any
/// metadata, and keeps the original out of public reach. The one way images enter the shop.
/// A file that breaks a <see cref="PhotoRules"/> rule throws <see cref="PhotoRefusedException"/>
/// before anything is stored.
/// </summary>
public sealed class PhotoPipeline(IMediaStore store)
{
    public const int JpegQuality = 80;
    public const int WebpQuality = 75;

    public async Task<ProcessedPhoto> StoreAsync(byte[] original, CancellationToken ct = default, IProgress<int>? progress = null)
    {
        PhotoRules.Inspect(original);
        var hash = Convert.ToHexStringLower(SHA256.HashData(original));
        var outputs = new List<(string Key, byte[] Content, string Type)>();
        int width, height;
        try
        {
            // One full decode, failing on a truncated file, so nothing is stored for a broken upload.
            using var source = Image.NewFromBuffer(original, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            using var rotated = source.Autorot();
            using var upright = rotated.CopyMemory();
            width = upright.Width;
            height = upright.Height;
            progress?.Report(40);
            foreach (var target in PhotoSizes.Widths)
            {
                using var thumb = upright.ThumbnailImage(Math.Min(target, width), height: 10_000, size: Enums.Size.Down);
                using var pixels = thumb.CopyMemory();
                outputs.Add((PhotoSizes.Key(hash, target, "webp"), pixels.WebpsaveBuffer(q: WebpQuality, keep: Enums.ForeignKeep.None), "image/webp"));
                outputs.Add((PhotoSizes.Key(hash, target, "jpg"), pixels.JpegsaveBuffer(q: JpegQuality, keep: Enums.ForeignKeep.None, interlace: true), "image/jpeg"));
            }
        }
        catch (VipsException e)
        {
            throw new PhotoRefusedException(e.Message.Contains("premature", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("truncat", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("end of", StringComparison.OrdinalIgnoreCase)
                ? PhotoProblem.Truncated : PhotoProblem.Unreadable);
        }
        progress?.Report(80);
        var originalKey = $"originals/{hash[..2]}/{hash}";
        await store.PutAsync(originalKey, original, "application/octet-stream", ct);
        foreach (var (key, content, type) in outputs)
            await store.PutAsync(key, content, type, ct);
        return new ProcessedPhoto(hash, width, height, originalKey);
    }
}
