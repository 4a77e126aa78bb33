using PasKreatif.Orders;

namespace PasKreatif.Payments;

/// <summary>The gateways' side of an order's follow-ups: its transactions through <see cref="PaymentAttempts"/>, its refunds through <see cref="GatewayRefunds"/>.</summary>
public sealed class GatewayWork(PaymentAttempts attempts, GatewayRefunds refunds) : IGatewayWork
{
    public async Task<string?> StartPaymentAsync(int orderId, string statusUrl, CancellationToken ct = default) =>
        (await attempts.StartAsync(orderId, statusUrl, ct)).RedirectUrl;

    public Task<int> CloseUnneededAsync(int orderId, CancellationToken ct = default) => attempts.CloseUnneededAsync(orderId, ct);

    public Task<int> SendRefundsAsync(int orderId, CancellationToken ct = default) => refunds.SendAsync(orderId, ct);

    public async Task<int> SweepAsync(CancellationToken ct = default) => await attempts.SweepAsync(ct) + await refunds.SweepAsync(ct);
}
