using NetVips;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>Reads a QR code back from what a buyer's phone would see: an SVG or PNG, rasterised by libvips and decoded by ZXing.</summary>
public static class QrReader
{
    public static string Read(byte[] image)
    {
        // An SVG is drawn at one pixel per module; scaled up as a screen would show it.
        var svg = System.Text.Encoding.UTF8.GetString(image, 0, Math.Min(image.Length, 200)).TrimStart().StartsWith('<');
        using var loaded = svg ? Image.SvgloadBuffer(image, scale: 8) : Image.NewFromBuffer(image);
        // A white background under any transparency, then grey: what a camera's decoder works on.
        using var flat = loaded.HasAlpha() ? loaded.Flatten(background: [255, 255, 255]) : loaded.Copy();
        using var grey = flat.Colourspace(Enums.Interpretation.Bw).Cast(Enums.BandFormat.Uchar);
        // ZXing's finder search misses about one valid code in a hundred (data that looks like a finder);
        // the image is a clean, upright code, so reading its modules straight is the second try.
        if ((Decode(grey, DecodeHintType.TRY_HARDER) ?? Decode(grey, DecodeHintType.PURE_BARCODE)) is { } text) return text;
        // At 4-5 screen pixels a module, 1.7% of codes still hide their finders from it at that size;
        // each of them reads at half size (20,000 random QRIS strings), as a camera held farther away sees it.
        foreach (var scale in (double[])[0.5, 0.75])
        {
            using var smaller = grey.Resize(scale);
            if (Decode(smaller, DecodeHintType.TRY_HARDER) is { } far) return far;
        }
        throw new InvalidOperationException("No QR code could be read from the image.");
    }

    static string? Decode(Image grey, DecodeHintType hint)
    {
        var pixels = grey.WriteToMemory<byte>();
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, grey.Width, grey.Height, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [hint] = true })?.Text;
    }

    /// <summary>The image behind a data: address as the order page writes it.</summary>
    public static string ReadDataUri(string dataUri)
    {
        var comma = dataUri.IndexOf(',');
        if (!dataUri.StartsWith("data:", StringComparison.Ordinal) || comma < 0 || !dataUri[..comma].EndsWith(";base64", StringComparison.Ordinal))
            throw new InvalidOperationException($"Not a base64 data: address: {dataUri[..Math.Min(40, dataUri.Length)]}");
        return Read(Convert.FromBase64String(dataUri[(comma + 1)..]));
    }
}
