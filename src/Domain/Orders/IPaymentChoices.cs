namespace PasKreatif.Orders;

/// <summary>
/// The ways to pay as an order sees them: which are offered, when each falls due, which go through a gateway.
/// The methods and their gateways sit above Orders, so Payments registers them here (see PaymentServices).
/// </summary>
public interface IPaymentChoices
{
    bool IsAvailable(PaymentMethod method);

    /// <summary>Whether the method's money moves through an outside gateway (cards, Midtrans), not by hand.</summary>
    bool ThroughGateway(PaymentMethod method);

    /// <summary>When an unpaid order of this method expires and releases its stock.</summary>
    DateTimeOffset PaymentDue(PaymentMethod method, DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions options);
}
