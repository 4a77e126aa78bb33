using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.OrderFlows;

namespace PasKreatif.Integration.Tests.Payments;

/// <summary>What each Midtrans method's order page tells the buyer: the bank's number with a copy button and that bank's steps, or the e-wallet's link.</summary>
public class MidtransInstructionsTests(MidtransShopFactory factory) : IClassFixture<MidtransShopFactory>
{
    [Theory]
    [InlineData("BcaVirtualAccount", "bca", "pembuat", "BCA mobile")]
    [InlineData("BniVirtualAccount", "bni", "pembuat2", "BNI Mobile Banking")]
    [InlineData("BriVirtualAccount", "bri", "pembuat3", "BRImo")]
    [InlineData("PermataVirtualAccount", "permata", "pembuat4", "PermataMobile X")]
    public async Task A_virtual_account_order_shows_its_banks_number_a_copy_button_the_amount_and_that_banks_steps(string method, string bank, string maker, string app)
    {
        var order = await OrderSteps.PlaceAsync(factory, method, $"va-{bank}@contoh.test", [(maker, 2, 1)], stock: 5);
        var transaction = factory.Midtrans.For(order.Number);
        Assert.Equal(("bank_transfer", bank), (transaction.PaymentType, transaction.Bank));
        Assert.Equal(bank, (string?)transaction.Request["bank_transfer"]!["bank"]);

        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Equal(transaction.VaNumber, page.QuerySelector("#pay-code")!.TextContent.Trim());
        Assert.Equal(transaction.VaNumber, page.QuerySelector("button.copy-link")!.GetAttribute("data-copy"));
        Assert.Contains(order.Total.ToString(), page.QuerySelector(".payment-code")!.TextContent);
        var steps = page.QuerySelectorAll(".payment-steps li").Select(li => li.TextContent).ToList();
        Assert.True(steps.Count >= 2, "an ATM and an app at least");
        Assert.Contains(steps, s => s.StartsWith(app, StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("img.payment-qr"));
    }

    [Fact]
    public async Task A_Mandiri_order_shows_the_company_code_and_the_bill_key_and_Livins_steps()
    {
        var order = await OrderSteps.PlaceAsync(factory, "MandiriBill", "va-mandiri@contoh.test", [("pembuat8", 0, 1)], stock: 5);
        var transaction = factory.Midtrans.For(order.Number);
        Assert.Equal("echannel", transaction.PaymentType);
        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Equal("70012", page.QuerySelector("#biller-code")!.TextContent.Trim());
        Assert.Equal(transaction.BillKey, page.QuerySelector("#pay-code")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".payment-steps li"), li => li.TextContent.StartsWith("Livin", StringComparison.Ordinal) && li.TextContent.Contains("70012"));
    }

    [Theory]
    [InlineData("GoPay", "gopay", "pembuat6", "Buka GoPay")]
    [InlineData("ShopeePay", "shopeepay", "pembuat7", "Buka ShopeePay")]
    public async Task An_e_wallet_order_links_to_the_app_on_a_phone_and_shows_that_link_as_a_QR_on_a_computer(string method, string type, string maker, string button)
    {
        var order = await OrderSteps.PlaceAsync(factory, method, $"dompet-{type}@contoh.test", [(maker, 2, 1)], stock: 5);
        var transaction = factory.Midtrans.For(order.Number);
        Assert.Equal(type, transaction.PaymentType);
        Assert.EndsWith($"/pesanan/{order.PublicToken}", (string?)transaction.Request[type]!["callback_url"]); // the app brings the buyer back to the order

        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        var link = page.QuerySelector<IHtmlAnchorElement>("a.payment-app-link")!;
        Assert.Equal(transaction.DeepLink, link.GetAttribute("href"));
        Assert.StartsWith(button, link.TextContent.Trim());
        var qr = (IHtmlImageElement)page.QuerySelector("img.payment-qr")!;
        Assert.Equal(transaction.DeepLink, QrReader.ReadDataUri(qr.Source!));
    }
}
