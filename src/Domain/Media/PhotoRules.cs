using NetVips;

namespace PasKreatif.Media;

/// <summary>Why an upload was refused; the code names the message the maker reads.</summary>
public enum PhotoProblem { None, Empty, TooLarge, NotAPhoto, TooManyPixels, Unreadable, Truncated, ListingChanged }

public sealed class PhotoRefusedException(PhotoProblem problem) : Exception(problem.ToString())
{
    public PhotoProblem Problem { get; } = problem;
}

/// <summary>What the header says about an accepted file.</summary>
public sealed record PhotoHeader(string Format, int Width, int Height, int Orientation = 1)
{
    /// <summary>Orientations 5 to 8 turn the picture a quarter, swapping its sides.</summary>
    public (int Width, int Height) Upright => Orientation >= 5 ? (Height, Width) : (Width, Height);
}

/// <summary>
/// The upload rules, decided by content, never by file name: JPEG, PNG, WebP, and HEIC where
/// libvips reads it; at most 20 MB and 50 megapixels, both known before any pixel is decoded.
/// </summary>
public static class PhotoRules
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const long MaxPixels = 50_000_000;

    static readonly Dictionary<string, string> Loaders = new(StringComparer.Ordinal)
    {
        ["VipsForeignLoadJpegBuffer"] = "jpeg", ["jpegload_buffer"] = "jpeg",
        ["VipsForeignLoadPngBuffer"] = "png", ["pngload_buffer"] = "png",
        ["VipsForeignLoadWebpBuffer"] = "webp", ["webpload_buffer"] = "webp",
        ["VipsForeignLoadHeifBuffer"] = "heic", ["heifload_buffer"] = "heic",
    };

    /// <summary>What the size alone refuses, so a page can answer before it reads an announced upload into memory.</summary>
    public static PhotoProblem CheckSize(long length) =>
        length <= 0 ? PhotoProblem.Empty : length > MaxBytes ? PhotoProblem.TooLarge : PhotoProblem.None;

    /// <summary>Checks size, kind and dimensions from the first bytes and the header only.</summary>
    public static PhotoHeader Inspect(byte[] content)
    {
        if (CheckSize(content.LongLength) is not PhotoProblem.None and var size) throw new PhotoRefusedException(size);
        var sniffed = Sniff(content) ?? throw new PhotoRefusedException(PhotoProblem.NotAPhoto);
        // libvips must agree with the magic bytes, so no other loader (SVG, PDF, matrix...) ever runs.
        var loader = Image.FindLoadBuffer(content);
        if (loader is null || !Loaders.TryGetValue(loader, out var format) || format != sniffed)
            throw new PhotoRefusedException(sniffed == "heic" ? PhotoProblem.Unreadable : PhotoProblem.NotAPhoto);
        try
        {
            using var header = Image.NewFromBuffer(content, access: Enums.Access.Sequential);
            if ((long)header.Width * header.Height > MaxPixels) throw new PhotoRefusedException(PhotoProblem.TooManyPixels);
            var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
            return new PhotoHeader(format, header.Width, header.Height, orientation is >= 1 and <= 8 ? orientation : 1);
        }
        catch (VipsException)
        {
            throw new PhotoRefusedException(PhotoProblem.Unreadable);
        }
    }

    /// <summary>The format the magic bytes announce, or null for anything else (SVG, HTML, PDF...).</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "webp";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(b[8..12]);
            if (brand is "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1") return "heic";
        }
        return null;
    }
}
