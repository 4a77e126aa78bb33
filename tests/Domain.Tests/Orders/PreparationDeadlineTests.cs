using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Domain.Tests.Orders;

public class PreparationDeadlineTests
{
    static readonly DateTimeOffset Placed = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Paid = Placed.AddHours(2);

    static PartSnapshot Part(int id, FulfilmentStatus status, int lead = 0, DateTimeOffset? updated = null) =>
        new(id, status, DeliveryMethod.Shipping, true, updated ?? Placed, null, null, "Sari", "Kelompok Melati", "Bapas Purwokerto", lead);

    static IReadOnlyList<OrderWait> Waits(PaymentMethod method, OrderStatus status, DateTimeOffset? paidAt, params PartSnapshot[] parts) =>
        OrderWaits.For(new OrderSnapshot(1, "PK261120-ABCDEF", status, method, "Dewi", Placed, Placed.AddHours(48), paidAt, parts, []), 14);

    [Fact]
    public void A_new_paid_order_is_taken_on_within_a_day_and_handed_over_within_two()
    {
        var waits = Waits(PaymentMethod.BankTransfer, OrderStatus.Paid, Paid,
            Part(1, FulfilmentStatus.New), Part(2, FulfilmentStatus.Preparing, updated: Paid.AddHours(3)));
        Assert.Equal(Paid.AddHours(24), waits.Single(w => w.FulfilmentId == 1).Due);
        Assert.Equal(Paid.AddHours(48), waits.Single(w => w.FulfilmentId == 2).Due);
    }

    [Fact]
    public void Made_to_order_is_due_within_its_lead_time_and_taking_it_on_still_within_a_day()
    {
        var waits = Waits(PaymentMethod.BankTransfer, OrderStatus.Paid, Paid,
            Part(1, FulfilmentStatus.New, lead: 7), Part(2, FulfilmentStatus.Preparing, lead: 7));
        Assert.Equal(Paid.AddHours(24), waits.Single(w => w.FulfilmentId == 1).Due);
        Assert.Equal(Paid.AddDays(7), waits.Single(w => w.FulfilmentId == 2).Due);
    }

    [Fact]
    public void Cash_at_pickup_counts_from_the_order_and_a_wait_past_its_deadline_is_late()
    {
        var wait = Waits(PaymentMethod.CashOnPickup, OrderStatus.AwaitingPayment, null, Part(1, FulfilmentStatus.New)).Single();
        Assert.Equal(Placed.AddHours(24), wait.Due);
        Assert.False(wait.IsLate(Placed.AddHours(24)));
        Assert.True(wait.IsLate(Placed.AddHours(24).AddSeconds(1)));
    }
}
