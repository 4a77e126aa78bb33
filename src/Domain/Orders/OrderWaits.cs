using PasKreatif.Organisation;

namespace PasKreatif.Orders;

/// <summary>What an open order (or an unfinished refund) waits for.</summary>
public enum WaitFor { Transfer, CardPayment, Preparation, CashAtPickup, Collection, Delivery, RefundAccount, RefundTransfer, RefundCash, RefundGateway }

/// <summary>Whose move it is: the buyer, the maker, the group's mentors, the offices' officers, or the payment gateway.</summary>
public enum WaitParty { Buyer, Maker, Group, Office, Gateway }

/// <summary>One thing an order waits for, from whom (by name), since when, and until when if there is a deadline.</summary>
public sealed record OrderWait(int OrderId, string Number, int? FulfilmentId, WaitFor What, WaitParty Who, string WhoName, DateTimeOffset Since, DateTimeOffset? Due)
{
    public TimeSpan Waited(DateTimeOffset now) => now - Since;

    /// <summary>Past its deadline: shown to the maker and in the mentors' queue.</summary>
    public bool IsLate(DateTimeOffset now) => Due is { } due && now > due;
}

/// <summary>The facts about one order that decide its waits.</summary>
public sealed record OrderSnapshot(int Id, string Number, OrderStatus Status, PaymentMethod Method, string BuyerName, DateTimeOffset PlacedAt,
    DateTimeOffset? PaymentDueAt, DateTimeOffset? PaidAt, IReadOnlyList<PartSnapshot> Parts, IReadOnlyList<RefundSnapshot> Refunds);

/// <summary><paramref name="LeadTimeDays"/>: the longest lead time of the part's made-to-order lines, 0 when none is made to order.</summary>
public sealed record PartSnapshot(int Id, FulfilmentStatus Status, DeliveryMethod Delivery, bool Paid, DateTimeOffset UpdatedAt, DateTimeOffset? ShippedAt,
    DateTimeOffset? CollectBy, string MakerName, string GroupName, string OfficeName, int LeadTimeDays = 0);

public sealed record RefundSnapshot(int Id, RefundStatus Status, RefundRoute Route, DateTimeOffset CreatedAt, DateTimeOffset? AccountGivenAt, IReadOnlyList<int> PartIds);

/// <summary>
/// Every open order has an owner at every step: these rules name, for each order, who must move next.
/// Unpaid: the buyer pays (a transfer is then confirmed by an officer of an office with a part; cash is
/// handed over at each part's pickup and confirmed by its group). Paid: each maker prepares and hands
/// over. A refund not yet sent waits for the buyer's account, then for the officer's transfer (or the
/// group's cash, or the gateway).
/// </summary>
public static class OrderWaits
{
    /// <summary>What buyers know from the big marketplaces: a new order is answered (taken on) within a day...</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(24);

    /// <summary>...and shipped or made ready within two days, or within its lead time when made to order.</summary>
    public static readonly TimeSpan HandOverWithin = TimeSpan.FromHours(48);

    /// <summary>When the maker's next move on a part is due, counted from when the order could be worked on (paid, or placed for cash at pickup).</summary>
    public static DateTimeOffset PreparationDue(FulfilmentStatus status, DateTimeOffset start, int leadTimeDays) =>
        status == FulfilmentStatus.New ? start + AnswerWithin
            : start + (leadTimeDays > 0 ? TimeSpan.FromDays(leadTimeDays) : HandOverWithin);

    public static IReadOnlyList<OrderWait> For(OrderSnapshot order, int shippedDeliveredAfterDays)
    {
        var waits = new List<OrderWait>();
        OrderWait Wait(int? part, WaitFor what, WaitParty who, string name, DateTimeOffset since, DateTimeOffset? due = null) =>
            new(order.Id, order.Number, part, what, who, name, since, due);
        var live = order.Parts.Where(p => p.Status != FulfilmentStatus.Cancelled).ToList();
        var offices = string.Join(", ", live.Select(p => p.OfficeName).Distinct());

        if (order.Status == OrderStatus.AwaitingPayment && order.Method == PaymentMethod.BankTransfer)
            waits.Add(Wait(null, WaitFor.Transfer, WaitParty.Office, offices, order.PlacedAt, order.PaymentDueAt));
        else if (order.Status == OrderStatus.AwaitingPayment && order.Method != PaymentMethod.CashOnPickup)
            waits.Add(Wait(null, WaitFor.CardPayment, WaitParty.Buyer, order.BuyerName, order.PlacedAt, order.PaymentDueAt));

        var working = order.Status == OrderStatus.Paid || order.Status == OrderStatus.AwaitingPayment && order.Method == PaymentMethod.CashOnPickup;
        if (working)
        {
            foreach (var part in live.Where(p => p.Status is not (FulfilmentStatus.Delivered or FulfilmentStatus.Collected)))
            {
                var cash = order.Method == PaymentMethod.CashOnPickup && !part.Paid;
                var since = part.Status == FulfilmentStatus.New && order.PaidAt is { } paid && paid > part.UpdatedAt ? paid : part.UpdatedAt;
                var start = order.PaidAt is { } paidAt && !cash ? paidAt : order.PlacedAt;
                waits.Add(part.Status switch
                {
                    FulfilmentStatus.New or FulfilmentStatus.Preparing => Wait(part.Id, WaitFor.Preparation, WaitParty.Maker, part.MakerName, since,
                        PreparationDue(part.Status, start, part.LeadTimeDays)),
                    FulfilmentStatus.ReadyForPickup when cash => Wait(part.Id, WaitFor.CashAtPickup, WaitParty.Group, part.GroupName, part.UpdatedAt, part.CollectBy),
                    FulfilmentStatus.ReadyForPickup => Wait(part.Id, WaitFor.Collection, WaitParty.Buyer, order.BuyerName, part.UpdatedAt),
                    _ => Wait(part.Id, WaitFor.Delivery, WaitParty.Maker, part.MakerName, part.ShippedAt ?? part.UpdatedAt,
                        (part.ShippedAt ?? part.UpdatedAt).AddDays(shippedDeliveredAfterDays)),
                });
            }
        }

        foreach (var refund in order.Refunds.Where(r => r.Status != RefundStatus.Sent))
        {
            var parts = order.Parts.Where(p => refund.PartIds.Count == 0 || refund.PartIds.Contains(p.Id)).ToList();
            waits.Add((refund.Status, refund.Route) switch
            {
                (RefundStatus.AwaitingAccount, _) => Wait(null, WaitFor.RefundAccount, WaitParty.Buyer, order.BuyerName, refund.CreatedAt),
                (_, RefundRoute.BankTransfer) => Wait(null, WaitFor.RefundTransfer, WaitParty.Office, string.Join(", ", parts.Select(p => p.OfficeName).Distinct()),
                    refund.AccountGivenAt ?? refund.CreatedAt),
                (_, RefundRoute.Cash) => Wait(null, WaitFor.RefundCash, WaitParty.Group, string.Join(", ", parts.Select(p => p.GroupName).Distinct()), refund.CreatedAt),
                _ => Wait(null, WaitFor.RefundGateway, WaitParty.Gateway, order.Method.ToString(), refund.CreatedAt),
            });
        }
        return waits;
    }
}
