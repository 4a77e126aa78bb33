namespace PasKreatif.Media;

/// <summary>
/// A processed picture: stored once per content hash as <see cref="PhotoSizes"/> in WebP and JPEG.
/// The original upload is kept privately under <see cref="OriginalKey"/>.
/// </summary>
public class Photo
{
    public int Id { get; set; }
    public string Hash { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public string? OriginalKey { get; set; }
    public Guid? UploadedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string Key(int width, string extension) => PhotoSizes.Key(Hash, width, extension);
}

public static class PhotoSizes
{
    /// <summary>Card thumbnail, product page on a phone, product page on a large screen.</summary>
    public static readonly int[] Widths = [320, 640, 1280];

    public static string Key(string hash, int width, string extension) => $"p/{hash[..2]}/{hash}-{width}.{extension}";
}
