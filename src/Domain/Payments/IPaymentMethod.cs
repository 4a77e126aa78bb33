using PasKreatif.Orders;

namespace PasKreatif.Payments;

/// <summary>One way to pay. Offline methods are first-class: most buyers pay by transfer or cash.</summary>
public interface IPaymentMethod
{
    PaymentMethod Method { get; }
    bool IsAvailable { get; }

    /// <summary>When an unpaid order of this method expires and releases its stock.</summary>
    DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions options);

    /// <summary>Starts payment for a placed order; returns where to send the buyer, or null to show the order page.</summary>
    Task<string?> StartAsync(Order order, Payment payment, string statusUrl, CancellationToken ct);

    /// <summary>Returns the money through the provider; false when an officer hands it back outside the shop.</summary>
    Task<bool> RefundAsync(Payment payment, CancellationToken ct);
}

/// <summary>Bank transfer: the buyer sees the account, an officer of the maker's office confirms receipt.</summary>
public sealed class BankTransferPayment : IPaymentMethod
{
    public PaymentMethod Method => PaymentMethod.BankTransfer;
    public bool IsAvailable => true;
    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions options) => placedAt.AddHours(options.BankTransferHours);
    public Task<string?> StartAsync(Order order, Payment payment, string statusUrl, CancellationToken ct) => Task.FromResult<string?>(null);
    public Task<bool> RefundAsync(Payment payment, CancellationToken ct) => Task.FromResult(false);
}

/// <summary>Cash at pickup: a mentor or officer confirms at handover; uncollected orders lapse after a grace period.</summary>
public sealed class CashOnPickupPayment : IPaymentMethod
{
    public PaymentMethod Method => PaymentMethod.CashOnPickup;
    public bool IsAvailable => true;

    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions options)
    {
        var pickup = lastPickupDate ?? DateOnly.FromDateTime(placedAt.UtcDateTime);
        // End of the grace period's last day, at the latest Indonesian midnight (WIB), so no zone loses a day.
        return new DateTimeOffset(pickup.AddDays(options.CashPickupGraceDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();
    }

    public Task<string?> StartAsync(Order order, Payment payment, string statusUrl, CancellationToken ct) => Task.FromResult<string?>(null);
    public Task<bool> RefundAsync(Payment payment, CancellationToken ct) => Task.FromResult(false);
}

/// <summary>The payment methods the shop offers, by kind.</summary>
public sealed class PaymentMethods(IEnumerable<IPaymentMethod> methods)
{
    readonly Dictionary<PaymentMethod, IPaymentMethod> byKind = methods.ToDictionary(m => m.Method);

    public IPaymentMethod this[PaymentMethod method] => byKind[method];
    public IReadOnlyList<PaymentMethod> Available => byKind.Values.Where(m => m.IsAvailable).Select(m => m.Method).Order().ToList();
    public bool IsAvailable(PaymentMethod method) => byKind.TryGetValue(method, out var m) && m.IsAvailable;
}
