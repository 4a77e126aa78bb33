using NetVips;

namespace PasKreatif.Domain.Tests.Media;

/// <summary>Test pictures built with NetVips: a phone-like JPEG with orientation and GPS, and other sizes.</summary>
public static class PhoneShots
{
    /// <summary>
    /// A 400×300 JPEG stored sideways (left half light, right half dark) with EXIF orientation 6
    /// (rotate 90° clockwise to view), a GPS position and an XMP packet, as a phone camera writes.
    /// </summary>
    public static byte[] SidewaysJpegWithGps(int width = 400, int height = 300)
    {
        using var light = Image.Black(width / 2, height, bands: 3) + 230;
        using var dark = Image.Black(width - width / 2, height, bands: 3) + 20;
        using var joined = light.Join(dark, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar);
        using var tagged = joined.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd0-Make", "PhoneMaker");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "S");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "7/1 25/1 1234/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "109/1 14/1 2345/100");
            m.Set(GValue.BlobType, "xmp-data", System.Text.Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"7,25.2S\"/></rdf:RDF></x:xmpmeta>"));
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    public static byte[] Jpeg(int width, int height, int quality = 85)
    {
        // A gradient with noise-like detail, so the encoder works as on a real photo.
        using var xyz = Image.Xyz(width, height);
        using var pattern = (xyz[0] * 7 + xyz[1] * 3) % 256;
        using var rgb = Image.Sines(width, height, hfreq: 40, vfreq: 30) * 120 + 128;
        using var colour = pattern.Bandjoin(rgb, (pattern + rgb) / 2).Cast(Enums.BandFormat.Uchar);
        return colour.JpegsaveBuffer(q: quality);
    }

    public static byte[] Png(int width, int height)
    {
        using var black = Image.Black(width, height);
        return black.Cast(Enums.BandFormat.Uchar).PngsaveBuffer(compression: 9);
    }
}
