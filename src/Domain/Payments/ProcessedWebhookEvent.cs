namespace PasKreatif.Payments;

/// <summary>A webhook event already handled; its primary key makes a repeat delivery a no-op.</summary>
public class ProcessedWebhookEvent
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
}
