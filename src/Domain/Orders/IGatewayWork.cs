namespace PasKreatif.Orders;

/// <summary>
/// What an order leaves to the gateways once its change committed: opening its payment's transaction, closing those
/// it no longer needs, sending its refunds. The gateways sit above Orders, so Payments registers itself here (see PaymentServices).
/// </summary>
public interface IGatewayWork
{
    /// <summary>Opens the gateway transaction of an order awaiting payment; the address to send the buyer to, if any.</summary>
    Task<string?> StartPaymentAsync(int orderId, string statusUrl, CancellationToken ct = default);

    /// <summary>Closes the open transactions of an order that no longer waits for payment.</summary>
    Task<int> CloseUnneededAsync(int orderId, CancellationToken ct = default);

    /// <summary>Sends the order's gateway refunds still to send; how many went back.</summary>
    Task<int> SendRefundsAsync(int orderId, CancellationToken ct = default);

    /// <summary>The sweep of whatever a crash or a failing gateway left: open transactions, then refunds to send.</summary>
    Task<int> SweepAsync(CancellationToken ct = default);
}
