using NetVips;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>Pictures built in the test: a phone-like JPEG with orientation, GPS and XMP, and plain ones.</summary>
public static class TestPhotos
{
    public static byte[] PhoneJpegWithGps(int width = 400, int height = 300)
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
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var pattern = (xyz[0] * 7 + xyz[1] * 3) % 256;
        using var colour = pattern.Bandjoin(255 - pattern, pattern / 2).Cast(Enums.BandFormat.Uchar);
        return colour.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width, int height)
    {
        using var black = Image.Black(width, height);
        return black.Cast(Enums.BandFormat.Uchar).PngsaveBuffer(compression: 9);
    }
}
