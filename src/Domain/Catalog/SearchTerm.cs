namespace PasKreatif.Catalog;

/// <summary>
/// A word buyers may mean: from the titles on sale and the names of categories and programmes.
/// The database keeps the list (triggers), so a typo is matched against a few thousand words, not every title.
/// </summary>
public class SearchTerm
{
    public string Term { get; private set; } = "";
}
