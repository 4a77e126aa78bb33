namespace PasKreatif.Orders;

/// <summary>Order settings (section "Orders"): payment deadlines, handover and delivery prices.</summary>
public sealed class OrderOptions : ISettingGroup
{
    public const string Section = "Orders";

    public int CardPaymentMinutes { get; init; } = 60;
    public int BankTransferHours { get; init; } = 48;
    /// <summary>QRIS, GoPay and ShopeePay through Midtrans: paid on the spot, like a card.</summary>
    public int EWalletPaymentMinutes { get; init; } = 60;
    /// <summary>A bank's virtual account through Midtrans: Midtrans' own default life of one.</summary>
    public int VirtualAccountHours { get; init; } = 24;
    /// <summary>Cash-at-pickup orders not collected this many days after the pickup date are cancelled.</summary>
    public int CashPickupGraceDays { get; init; } = 7;
    /// <summary>A shipped part nobody marked delivered counts as delivered this many days after shipping.</summary>
    public int ShippedDeliveredAfterDays { get; init; } = 14;
    public decimal LocalDeliveryFee { get; init; } = 15_000m;
    /// <summary>Shipping per started kilogram when maker and buyer share a time zone (roughly the same islands).</summary>
    public decimal ShippingPerKgSameZone { get; init; } = 12_000m;
    public decimal ShippingPerKgOtherZone { get; init; } = 25_000m;
    /// <summary>Transfer instructions shown to buyers who pay by bank transfer.</summary>
    public string BankAccount { get; init; } = "Bank Rakyat Indonesia 0123-01-000123-30-1 a.n. PAS Kreatif";

    public IEnumerable<string?> Problems(string section) =>
    [
        Settings.AtLeast($"{section}:{nameof(CardPaymentMinutes)}", CardPaymentMinutes, 1),
        Settings.AtLeast($"{section}:{nameof(BankTransferHours)}", BankTransferHours, 1),
        Settings.AtLeast($"{section}:{nameof(EWalletPaymentMinutes)}", EWalletPaymentMinutes, 1),
        Settings.AtLeast($"{section}:{nameof(VirtualAccountHours)}", VirtualAccountHours, 1),
        Settings.AtLeast($"{section}:{nameof(CashPickupGraceDays)}", CashPickupGraceDays, 0),
        Settings.AtLeast($"{section}:{nameof(ShippedDeliveredAfterDays)}", ShippedDeliveredAfterDays, 1),
        Settings.AtLeast($"{section}:{nameof(LocalDeliveryFee)}", (double)LocalDeliveryFee, 0),
        Settings.AtLeast($"{section}:{nameof(ShippingPerKgSameZone)}", (double)ShippingPerKgSameZone, 0),
        Settings.AtLeast($"{section}:{nameof(ShippingPerKgOtherZone)}", (double)ShippingPerKgOtherZone, 0),
        string.IsNullOrWhiteSpace(BankAccount) ? $"{section}:{nameof(BankAccount)} must name the account buyers transfer to." : null,
    ];
}
