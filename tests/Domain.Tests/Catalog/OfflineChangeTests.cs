using PasKreatif.Catalog;
using PasKreatif.Orders;
using Xunit;

namespace PasKreatif.Domain.Tests.Catalog;

public class OfflineChangeTests
{
    [Fact]
    public void A_change_over_what_is_still_there_applies() =>
        Assert.Equal(OfflineOutcome.Apply, OfflineChange.Judge(3, 5, 3, 5, 8));

    [Fact]
    public void An_edit_elsewhere_since_is_a_conflict_even_when_the_value_looks_the_same() =>
        Assert.Equal(OfflineOutcome.ChangedElsewhere, OfflineChange.Judge(3, 5, 4, 5, 8));

    [Fact]
    public void Stock_sold_meanwhile_is_a_conflict_without_a_new_edit_version() =>
        Assert.Equal(OfflineOutcome.ChangedElsewhere, OfflineChange.Judge(3, 5, 3, 4, 8));

    [Fact]
    public void The_value_already_there_is_a_resend_whatever_the_version() =>
        Assert.Equal(OfflineOutcome.AlreadySaved, OfflineChange.Judge(3, 5, 4, 8, 8));

    [Fact]
    public void An_order_step_applies_only_from_the_step_the_maker_saw()
    {
        Assert.Equal(OfflineOutcome.Apply, OfflineChange.Judge(0, FulfilmentStatus.New, 0, FulfilmentStatus.New, FulfilmentStatus.Preparing));
        Assert.Equal(OfflineOutcome.ChangedElsewhere, OfflineChange.Judge(0, FulfilmentStatus.New, 0, FulfilmentStatus.Cancelled, FulfilmentStatus.Preparing));
    }

    [Fact]
    public void Money_compares_by_amount() =>
        Assert.Equal(OfflineOutcome.Apply, OfflineChange.Judge(1, Money.Of(15000), 1, Money.Of(15000m), Money.Of(17000)));
}
