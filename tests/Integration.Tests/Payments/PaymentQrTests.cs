using NetVips;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Storefront.Pages.Orders;

namespace PasKreatif.Integration.Tests.Payments;

/// <summary>The shop's payment QR codes as the order page shows them (240 px with 4 px of padding), where a module is 4-5 screen pixels.</summary>
public class PaymentQrTests
{
    [Fact]
    public void Codes_of_QRIS_length_read_back_at_the_size_the_order_page_shows_them()
    {
        // A fixed seed: the same 400 codes every run; several of them hid their finders from a reader that looked at one size only.
        var random = new Random(20261207);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ. ";
        var unread = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(150, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var svg = System.Text.Encoding.UTF8.GetBytes(PaymentQr.Svg(text));
            using var drawn = Image.SvgloadBuffer(svg);
            using var shown = Image.SvgloadBuffer(svg, scale: 232.0 / drawn.Width);
            using var flat = shown.Flatten(background: [255, 255, 255]);
            using var padded = flat.Embed(4, 4, flat.Width + 8, flat.Height + 8, extend: Enums.Extend.White);
            try { if (QrReader.Read(padded.PngsaveBuffer()) != text) unread.Add(text); }
            catch (InvalidOperationException) { unread.Add(text); }
        }
        Assert.Empty(unread);
    }
}
