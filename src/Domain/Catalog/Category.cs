namespace PasKreatif.Catalog;

public class Category
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string NameId { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int Position { get; set; }
    /// <summary>Perishable goods go only by pickup or local delivery.</summary>
    public bool Perishable { get; set; }
    public bool UsuallyMadeToOrder { get; set; }
    /// <summary>One-of-a-kind goods such as paintings: stock 1.</summary>
    public bool OneOfAKind { get; set; }

    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameId;
}
