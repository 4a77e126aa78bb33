using PasKreatif.Orders;

namespace PasKreatif.Payments.Midtrans;

/// <summary>What the buyer is shown to pay: a QR to scan, an app to open, or a number to pay at a bank.</summary>
public enum PayWith { Qr, App, VirtualAccount, BillPayment }

/// <summary>
/// One Midtrans payment channel behind one of the shop's payment methods: its Core API payment_type
/// (and bank), how the buyer pays it, and whether Midtrans can send its money back (QRIS and the
/// e-wallets can; virtual accounts cannot, so their refunds go by transfer to the buyer's account).
/// </summary>
public sealed record MidtransChannel(PaymentMethod Method, string PaymentType, string? Bank, PayWith PayWith, bool Refundable)
{
    public static readonly IReadOnlyList<MidtransChannel> All =
    [
        new(PaymentMethod.Qris, "qris", null, PayWith.Qr, Refundable: true),
        new(PaymentMethod.GoPay, "gopay", null, PayWith.App, Refundable: true),
        new(PaymentMethod.ShopeePay, "shopeepay", null, PayWith.App, Refundable: true),
        new(PaymentMethod.BcaVirtualAccount, "bank_transfer", "bca", PayWith.VirtualAccount, Refundable: false),
        new(PaymentMethod.BniVirtualAccount, "bank_transfer", "bni", PayWith.VirtualAccount, Refundable: false),
        new(PaymentMethod.BriVirtualAccount, "bank_transfer", "bri", PayWith.VirtualAccount, Refundable: false),
        new(PaymentMethod.MandiriBill, "echannel", null, PayWith.BillPayment, Refundable: false),
        new(PaymentMethod.PermataVirtualAccount, "bank_transfer", "permata", PayWith.VirtualAccount, Refundable: false),
    ];

    public static MidtransChannel? Of(PaymentMethod method) => All.FirstOrDefault(c => c.Method == method);

    public bool IsVirtualAccount => PayWith is PayWith.VirtualAccount or PayWith.BillPayment;
}
