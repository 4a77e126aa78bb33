using PasKreatif.People;

namespace PasKreatif.Domain.Tests.People;

public class ContactDetailsTests
{
    [Theory]
    [InlineData("Hubungi 081234567890 ya")]
    [InlineData("WA 0812-3456-7890")]
    [InlineData("nomor saya 0812 3456 7890")]
    [InlineData("0812.3456.7890 kak")]
    [InlineData("+62 812 3456 7890")]
    [InlineData("+6281234567890")]
    [InlineData("62812-3456-789")]
    [InlineData("telp (0274) 512345")]
    [InlineData("0361-234567")]
    public void Indonesian_phone_numbers_are_found_and_masked(string text)
    {
        Assert.True(ContactDetails.HasPhone(text));
        var masked = ContactDetails.Mask(text);
        Assert.Contains(ContactDetails.Hidden, masked);
        Assert.DoesNotMatch(@"\d{4}", masked);
    }

    [Theory]
    [InlineData("sari.w@gmail.com")]
    [InlineData("Email: budi_99@yahoo.co.id, terima kasih")]
    [InlineData("kirim ke toko @ contoh . id")]
    [InlineData("rina(at)contoh.id")]
    public void Email_addresses_are_found_and_masked(string text)
    {
        Assert.True(ContactDetails.HasEmail(text));
        var masked = ContactDetails.Mask(text);
        Assert.Contains(ContactDetails.Hidden, masked);
        Assert.DoesNotContain("@", masked);
        Assert.DoesNotContain("(at)", masked);
    }

    [Theory]
    [InlineData("Harganya Rp25.000, ongkir Rp 15.000")]
    [InlineData("Bisa kirim 2 lusin, total Rp1.250.000?")]
    [InlineData("Ukuran 30 x 40 cm, berat 0,5 kg")]
    [InlineData("Pesanan PK2611-000042 sudah sampai tanggal 23-11-2026")]
    [InlineData("Saya pesan 625.000 rupiah")]
    [InlineData("Jam 08.00 sampai 16.30 WITA")]
    public void Prices_sizes_dates_and_order_numbers_are_left_alone(string text)
    {
        Assert.False(ContactDetails.Found(text));
        Assert.Equal(text, ContactDetails.Mask(text));
    }

    [Fact]
    public void The_rest_of_the_text_is_kept_around_what_is_masked()
    {
        Assert.Equal($"Bisa, WA ke {ContactDetails.Hidden} atau {ContactDetails.Hidden} ya",
            ContactDetails.Mask("Bisa, WA ke 0812 3456 7890 atau toko@contoh.id ya"));
    }
}
