namespace PasKreatif.Orders;

/// <summary>What the buyer needs to pay a transaction on the order page: a QR string, an app's link, a bank's number (and Mandiri's company code).</summary>
public sealed record PaymentInstructions(string? QrString = null, string? DeepLink = null, string? PayCode = null, string? BillerCode = null);

public enum AttemptStatus { Open, Paid, Expired, Closed }

/// <summary>
/// One transaction opened at a gateway for an order's payment: a Stripe Checkout session, a Midtrans
/// transaction. While open it can be paid; the shop closes it when the order closes or the buyer
/// starts again, so no older one can charge a second time.
/// </summary>
public class PaymentAttempt
{
    public long Id { get; private set; }
    public int OrderId { get; private set; }
    public int PaymentId { get; private set; }
    public PaymentMethod Method { get; private set; }
    /// <summary>The gateway's id for it (a Checkout session id).</summary>
    public string Reference { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public AttemptStatus Status { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>How the buyer pays it, kept for the order page (Midtrans: QR string, e-wallet link, virtual account number).</summary>
    public string? QrString { get; private set; }
    public string? DeepLink { get; private set; }
    public string? PayCode { get; private set; }
    public string? BillerCode { get; private set; }

    PaymentAttempt() { }

    public static PaymentAttempt Open(Payment payment, string reference, DateTimeOffset openedAt, DateTimeOffset? expiresAt, PaymentInstructions? pay = null) => new()
    {
        OrderId = payment.OrderId, PaymentId = payment.Id, Method = payment.Method, Reference = reference,
        OpenedAt = openedAt, ExpiresAt = expiresAt, Status = AttemptStatus.Open,
        QrString = pay?.QrString, DeepLink = pay?.DeepLink, PayCode = pay?.PayCode, BillerCode = pay?.BillerCode,
    };

    public PaymentInstructions Instructions => new(QrString, DeepLink, PayCode, BillerCode);

    public bool IsOpen => Status == AttemptStatus.Open;

    public void End(AttemptStatus status, DateTimeOffset at)
    {
        if (Status != AttemptStatus.Open) return;
        Status = status;
        EndedAt = at;
    }
}
