using System.Diagnostics;
using System.Security.Cryptography;
using NetVips;
using PasKreatif.Observability;

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
    /// <summary>libvips's default is 4; 2 costs a few percent in size and saves much of the time on a phone-sized photo.</summary>
    public const int WebpEffort = 2;

    public Task<ProcessedPhoto> StoreAsync(byte[] original, CancellationToken ct = default) => StoreAsync(original, null, ct);

    public async Task<ProcessedPhoto> StoreAsync(byte[] original, IProgress<int>? progress, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var header = PhotoRules.Inspect(original);
        var hash = Convert.ToHexStringLower(SHA256.HashData(original));
        var outputs = new List<(string Key, byte[] Content, string Type)>();
        var (width, height) = header.Upright;
        try
        {
            // One decode (JPEG shrunk on load towards the largest size), failing on a truncated file,
            // so nothing is stored for a broken upload; it is turned upright in memory, where order does not matter.
            var shrink = 1;
            while (header.Format == "jpeg" && shrink < 8 && width / (shrink * 2) >= PhotoSizes.Widths.Max()) shrink *= 2;
            using var source = Image.NewFromBuffer(original, shrink > 1 ? $"shrink={shrink}" : "", access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            using var decoded = source.CopyMemory();
            using var rotated = decoded.Autorot();
            using var largest = rotated.CopyMemory();
            progress?.Report(40);
            foreach (var target in PhotoSizes.Widths)
            {
                using var thumb = largest.ThumbnailImage(Math.Min(target, largest.Width), height: 100_000, size: Enums.Size.Down);
                using var pixels = thumb.CopyMemory();
                outputs.Add((PhotoSizes.Key(hash, target, "webp"), pixels.WebpsaveBuffer(q: WebpQuality, effort: WebpEffort, keep: Enums.ForeignKeep.None), "image/webp"));
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
        ShopMetrics.PhotoStored(Stopwatch.GetElapsedTime(started));
        return new ProcessedPhoto(hash, width, height, originalKey);
    }
}
