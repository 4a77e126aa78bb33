namespace PasKreatif.People;

/// <summary>An address a buyer saved in their profile, offered at checkout.</summary>
public class BuyerAddress
{
    public const int MaxLabel = 40;
    public const int MaxText = 1000;

    public int Id { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>The buyer's own name for it ("Rumah", "Kantor").</summary>
    public string Label { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static BuyerAddress Of(Guid personId, string label, string text, DateTimeOffset now) =>
        new() { PersonId = personId, Label = label, Text = text, CreatedAt = now };
}
