using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class ListingDraftTests
{
    static ListingDraft Good() => new("Kue nastar", "Nastar nanas.\nIsi 20 butir.", 1, 1, 25_000, false, 5, 0, 500, DeliveryOptions.Pickup);

    [Fact]
    public void A_good_draft_has_no_errors() => Assert.Empty(ListingDrafts.Check(Good()));

    [Fact]
    public void Each_field_rule_names_its_field()
    {
        var bad = Good() with { Title = "x", Description = "short", Price = 100, Stock = -1, WeightGrams = 0, Delivery = DeliveryOptions.None, MadeToOrder = true, LeadTimeDays = 0 };
        var fields = ListingDrafts.Check(bad).Select(e => e.Field).Distinct().Order().ToArray();
        Assert.Equal(["Delivery", "Description", "LeadTimeDays", "Price", "Stock", "Title", "WeightGrams"], fields);
    }

    [Fact]
    public void Text_stays_plain_with_its_line_breaks()
    {
        Assert.Equal("Baris satu\nBaris dua\n\n<b>tiga</b>", PlainText.Clean("  Baris satu\r\nBaris dua\r\n\r<b>tiga</b>\u0007 "));
    }
}
