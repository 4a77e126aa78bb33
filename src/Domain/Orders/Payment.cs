namespace PasKreatif.Orders;

/// <summary>How an order is paid; the last eight go through Midtrans (QRIS, e-wallets, each bank's virtual account).</summary>
public enum PaymentMethod
{
    Card, BankTransfer, CashOnPickup,
    Qris, GoPay, ShopeePay, BcaVirtualAccount, BniVirtualAccount, BriVirtualAccount, MandiriBill, PermataVirtualAccount,
}

public enum PaymentStatus { Pending, Succeeded, Failed, Refunded, PartlyRefunded }

/// <summary>
/// Money an order expects or received. Each order has one expected payment; money that arrives
/// unexpectedly (a late or a second card payment) gets a payment of its own, refunded at once.
/// </summary>
public class Payment
{
    public int Id { get; init; }
    public int OrderId { get; internal set; }
    public PaymentMethod Method { get; init; }
    public PaymentStatus Status { get; internal set; }
    public Money Amount { get; internal set; }
    /// <summary>What went back to the buyer so far: only refunds whose money actually moved.</summary>
    public Money Refunded { get; internal set; }
    /// <summary>The gateway's payment (a Stripe payment intent), or the transfer reference an officer noted.</summary>
    public string? ProviderReference { get; internal set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SucceededAt { get; internal set; }
    /// <summary>The officer or mentor who confirmed an offline payment.</summary>
    public Guid? ConfirmedById { get; internal set; }
    /// <summary>Money that arrived when nothing was owed any more (a closed order, a second payment); always refunded.</summary>
    public bool Unexpected { get; init; }

    /// <summary>Counts money that went back; the status follows how much.</summary>
    public void AddRefunded(Money amount)
    {
        Refunded += amount;
        Status = Refunded >= Amount ? PaymentStatus.Refunded : PaymentStatus.PartlyRefunded;
    }
}
