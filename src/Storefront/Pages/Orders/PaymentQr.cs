using QRCoder;

namespace PasKreatif.Storefront.Pages.Orders;

/// <summary>
/// QR codes drawn by the shop itself from the gateway's QR string (QRIS) or an app link, as SVG in a
/// data: address: no image host of the gateway is needed, and the strict CSP allows data: images.
/// </summary>
public static class PaymentQr
{
    public static string Svg(string text)
    {
        // Level M, as QRIS printed codes use; four modules of quiet zone so every scanner finds it.
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    public static string DataUri(string text) => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Svg(text)));
}
