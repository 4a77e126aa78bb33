using PasKreatif.Orders;

namespace PasKreatif.Payments;

/// <summary>What starting a payment gave: where to send the buyer, the gateway transaction opened (if any), and how to pay it.</summary>
public sealed record PaymentStart(string? RedirectUrl, string? AttemptReference = null, DateTimeOffset? AttemptExpiresAt = null, PaymentInstructions? Instructions = null)
{
    public static readonly PaymentStart Offline = new(RedirectUrl: null);
}

/// <summary>One way to pay. Offline methods are first-class: most buyers pay by transfer or cash.</summary>
public interface IPaymentMethod
{
    PaymentMethod Method { get; }
    bool IsAvailable { get; }

    /// <summary>When an unpaid order of this method expires and releases its stock.</summary>
    DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions orderOptions);

    /// <summary>
    /// Starts payment for a placed order. A gateway opens a transaction that accepts money until
    /// <paramref name="payBy"/> and no later (see <see cref="IPaymentGateway"/>); offline methods return <see cref="PaymentStart.Offline"/>.
    /// </summary>
    Task<PaymentStart> StartAsync(Order order, Payment payment, string statusUrl, DateTimeOffset payBy, CancellationToken ct);
}

public enum AttemptClosing { Closed, AlreadyPaid, Failed }

public enum GatewayRefundOutcome { Sent, Pending, NotSupported, Failed }

/// <summary>Money to send back through a gateway: the gateway's payment it came from, and a key so a retry never refunds twice.</summary>
public sealed record GatewayRefundRequest(string PaymentReference, Money Amount, string IdempotencyKey);

/// <summary>The gateway's answer: sent (or pending at its end) with its refund id, cannot (an officer sends it by hand), or failed for now.</summary>
public sealed record GatewayRefund(GatewayRefundOutcome Outcome, string? Reference = null, string? Error = null);

/// <summary>
/// The companion of a payment method run by an outside gateway (Stripe; Midtrans' QRIS, e-wallets and
/// virtual accounts). <see cref="PaymentAttempts"/> opens and closes its transactions, <see cref="GatewayRefunds"/>
/// sends refunds through it, and <see cref="OrderLifecycle.ConfirmedByGatewayAsync"/> takes its confirmations,
/// refunding money that arrives for a closed order. Nothing else in the shop knows a gateway by name.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The shortest and longest life the gateway allows a transaction (Stripe Checkout: 30 minutes to 24 hours).</summary>
    TimeSpan ShortestAttempt { get; }
    TimeSpan LongestAttempt { get; }

    /// <summary>Expires or cancels an open transaction so it can no longer take money.</summary>
    Task<AttemptClosing> CloseAttemptAsync(PaymentAttempt attempt, CancellationToken ct);

    /// <summary>Sends an amount back to the payer, or says it cannot (<see cref="GatewayRefundOutcome.NotSupported"/>).</summary>
    Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken ct);
}

/// <summary>Bank transfer: the buyer sees the account, an officer of an office with a part confirms receipt.</summary>
public sealed class BankTransferPayment : IPaymentMethod
{
    public PaymentMethod Method => PaymentMethod.BankTransfer;
    public bool IsAvailable => true;
    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions orderOptions) => placedAt.AddHours(orderOptions.BankTransferHours);
    public Task<PaymentStart> StartAsync(Order order, Payment payment, string statusUrl, DateTimeOffset payBy, CancellationToken ct) => Task.FromResult(PaymentStart.Offline);
}

/// <summary>Cash at pickup: a mentor or officer of the part's group confirms at handover; uncollected parts lapse after a grace period.</summary>
public sealed class CashOnPickupPayment : IPaymentMethod
{
    public PaymentMethod Method => PaymentMethod.CashOnPickup;
    public bool IsAvailable => true;

    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions orderOptions) =>
        DeliveryRules.CashCollectBy(lastPickupDate ?? DateOnly.FromDateTime(placedAt.UtcDateTime), orderOptions);

    public Task<PaymentStart> StartAsync(Order order, Payment payment, string statusUrl, DateTimeOffset payBy, CancellationToken ct) => Task.FromResult(PaymentStart.Offline);
}

/// <summary>The payment methods the shop offers, by kind.</summary>
public sealed class PaymentMethods(IEnumerable<IPaymentMethod> methods) : IPaymentChoices
{
    readonly Dictionary<PaymentMethod, IPaymentMethod> byKind = methods.ToDictionary(m => m.Method);

    public IPaymentMethod this[PaymentMethod method] => byKind[method];
    public IReadOnlyList<PaymentMethod> Available => byKind.Values.Where(m => m.IsAvailable).Select(m => m.Method).Order().ToList();
    public bool IsAvailable(PaymentMethod method) => byKind.TryGetValue(method, out var m) && m.IsAvailable;

    /// <summary>The gateway behind a method, or null for transfer and cash (money moves by hand).</summary>
    public IPaymentGateway? Gateway(PaymentMethod method) => byKind.TryGetValue(method, out var m) ? m as IPaymentGateway : null;

    public bool ThroughGateway(PaymentMethod method) => Gateway(method) is not null;

    public DateTimeOffset PaymentDue(PaymentMethod method, DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions options) =>
        this[method].PaymentDue(placedAt, lastPickupDate, options);
}
