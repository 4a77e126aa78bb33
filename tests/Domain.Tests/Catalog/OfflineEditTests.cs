using PasKreatif.Catalog;
using Xunit;

namespace PasKreatif.Domain.Tests.Catalog;

public class OfflineEditTests
{
    static readonly ListingDraft Seen = new("Tas anyaman pandan", "Dianyam tangan dari daun pandan kering.", 2, 5, 45000m, false, 6, 0, 400, DeliveryOptions.Pickup);

    [Fact]
    public void Words_changed_over_what_is_still_there_apply()
    {
        var wanted = Seen with { Title = "Tas anyaman pandan besar" };
        var judged = OfflineEdit.Judge(4, Seen, 4, Seen, wanted);
        Assert.Equal(OfflineOutcome.Apply, judged.Outcome);
        Assert.Equal(wanted, judged.Merged);
    }

    [Fact]
    public void Only_the_fields_the_maker_changed_are_written_so_stock_sold_meanwhile_stays()
    {
        var now = Seen with { Stock = 4 }; // two sold, which is no edit version
        var judged = OfflineEdit.Judge(4, Seen, 4, now, Seen with { Description = "Dianyam tangan, dengan tali kulit." });
        Assert.Equal(OfflineOutcome.Apply, judged.Outcome);
        Assert.Equal((4, "Dianyam tangan, dengan tali kulit."), (judged.Merged.Stock, judged.Merged.Description));
    }

    [Fact]
    public void An_edit_elsewhere_since_is_a_conflict_naming_the_fields_that_differ()
    {
        var now = Seen with { Title = "Tas pandan (ponsel lain)" };
        var wanted = Seen with { Title = "Tas anyaman pandan besar", Price = 50000m };
        var judged = OfflineEdit.Judge(4, Seen, 5, now, wanted);
        Assert.Equal(OfflineOutcome.ChangedElsewhere, judged.Outcome);
        Assert.Equal(["Title", "Price"], judged.Conflicts);
        // Keeping theirs over it would write only their own changes.
        Assert.Equal(now with { Title = wanted.Title, Price = 50000m }, judged.Merged);
    }

    [Fact]
    public void A_new_edit_version_is_a_conflict_even_when_the_changed_field_looks_untouched()
    {
        var judged = OfflineEdit.Judge(4, Seen, 5, Seen with { WeightGrams = 500 }, Seen with { Price = 47000m });
        Assert.Equal(OfflineOutcome.ChangedElsewhere, judged.Outcome);
        Assert.Equal(["Price"], judged.Conflicts);
    }

    [Fact]
    public void A_changed_field_moved_meanwhile_is_a_conflict_without_a_new_edit_version()
    {
        // Words of a pending revision change elsewhere without touching the listing's own row.
        var judged = OfflineEdit.Judge(4, Seen, 4, Seen with { Title = "Tas pandan merah" }, Seen with { Title = "Tas pandan biru" });
        Assert.Equal(OfflineOutcome.ChangedElsewhere, judged.Outcome);
        Assert.Equal(["Title"], judged.Conflicts);
    }

    [Fact]
    public void Every_changed_field_already_as_wanted_is_a_resend_whatever_the_version()
    {
        var wanted = Seen with { Title = "Tas anyaman pandan besar", Stock = 9 };
        Assert.Equal(OfflineOutcome.AlreadySaved, OfflineEdit.Judge(4, Seen, 7, wanted with { Stock = 9 }, wanted).Outcome);
        Assert.Equal(OfflineOutcome.AlreadySaved, OfflineEdit.Judge(4, Seen, 4, Seen, Seen).Outcome);
    }

    [Fact]
    public void Text_compares_as_saved_so_line_endings_and_edge_spaces_are_no_change()
    {
        var seen = Seen with { Description = "Baris satu.\nBaris dua." };
        var judged = OfflineEdit.Judge(4, seen, 4, seen, seen with { Description = " Baris satu.\r\nBaris dua.\n" });
        Assert.Equal(OfflineOutcome.AlreadySaved, judged.Outcome);
    }

    [Fact]
    public void A_price_compares_as_whole_rupiah() =>
        Assert.Equal(OfflineOutcome.AlreadySaved, OfflineEdit.Judge(1, Seen, 2, Seen, Seen with { Price = 45000.4m }).Outcome);
}
