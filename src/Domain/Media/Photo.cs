namespace PasKreatif.Media;

/// <summary>
/// A processed picture: stored once per content hash as <see cref="PhotoSizes"/> in WebP and JPEG.
/// The original upload is kept privately under <see cref="OriginalKey"/>.
/// </summary>
public class Photo
{
    public int Id { get; init; }
    public string Hash { get; init; } = "";
    public int Width { get; init; }
    public int Height { get; init; }
    public string? OriginalKey { get; init; }
    public Guid? UploadedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string Key(int width, string extension) => PhotoSizes.Key(Hash, width, extension);
}

public static class PhotoSizes
{
    /// <summary>Card thumbnail, product page on a phone, product page on a large screen.</summary>
    public static readonly int[] Widths = [320, 640, 1280];

    public static string Key(string hash, int width, string extension) => $"p/{hash[..2]}/{hash}-{width}.{extension}";
}
