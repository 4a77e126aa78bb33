namespace PasKreatif.Catalog;

public class Category
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public string NameId { get; internal set; } = "";
    public string NameEn { get; internal set; } = "";
    public int Position { get; internal set; }
    /// <summary>Perishable goods go only by pickup or local delivery.</summary>
    public bool Perishable { get; internal set; }
    public bool UsuallyMadeToOrder { get; internal set; }
    /// <summary>One-of-a-kind goods such as paintings: stock 1.</summary>
    public bool OneOfAKind { get; internal set; }

    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameId;
}
