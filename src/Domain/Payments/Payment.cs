namespace PasKreatif.Payments;

public enum PaymentMethod { Card, BankTransfer, CashOnPickup }

public enum PaymentStatus { Pending, Succeeded, Failed, Refunded, PartlyRefunded }

public class Payment
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public PaymentMethod Method { get; set; }
    public PaymentStatus Status { get; set; }
    public Money Amount { get; set; }
    public Money Refunded { get; set; }
    /// <summary>Stripe Checkout session id, or the transfer reference an officer noted.</summary>
    public string? ProviderReference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SucceededAt { get; set; }
    /// <summary>The officer or mentor who confirmed an offline payment.</summary>
    public Guid? ConfirmedById { get; set; }
}

/// <summary>A webhook event already handled; its primary key makes a repeat delivery a no-op.</summary>
public class ProcessedWebhookEvent
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
