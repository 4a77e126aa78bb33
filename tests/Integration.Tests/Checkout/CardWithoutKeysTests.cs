using System.Net;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Checkout;

public class CardWithoutKeysTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Without_Stripe_keys_cards_are_not_offered_and_a_forged_card_choice_is_refused()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat2", stock: 3);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var page = await buyer.GetDocumentAsync("/checkout");
        Assert.Null(page.QuerySelector("input[name=Method][value=Card]"));
        Assert.NotNull(page.QuerySelector("input[name=Method][value=BankTransfer]"));

        var forged = await Shopping.CheckoutAsync(buyer, "Card", "tanpa-kunci@contoh.test");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("tidak tersedia", await forged.Content.ReadAsStringAsync());
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));
    }
}

public class MidtransWithoutKeysTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Without_Midtrans_keys_no_QRIS_e_wallet_or_virtual_account_is_offered_and_a_forged_choice_is_refused()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat3", stock: 3);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var page = await buyer.GetDocumentAsync("/checkout");
        foreach (var method in new[] { "Qris", "GoPay", "ShopeePay", "BcaVirtualAccount", "BniVirtualAccount", "BriVirtualAccount", "MandiriBill", "PermataVirtualAccount" })
            Assert.Null(page.QuerySelector($"input[name=Method][value={method}]"));

        var forged = await Shopping.CheckoutAsync(buyer, "Qris", "tanpa-midtrans@contoh.test");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("tidak tersedia", await forged.Content.ReadAsStringAsync());
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));
    }
}
