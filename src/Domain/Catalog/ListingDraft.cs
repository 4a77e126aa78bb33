namespace PasKreatif.Catalog;

/// <summary>What a maker types into the listing form, before any rule is applied.</summary>
public sealed record ListingDraft(
    string Title, string Description, int CategoryId, int ProgrammeId, decimal Price,
    bool MadeToOrder, int Stock, int LeadTimeDays, int WeightGrams, DeliveryOptions Delivery);

public static class ListingDrafts
{
    public const int MaxPhotos = 8;
    public const int TitleMinLength = 3;
    public const int TitleMaxLength = 120;
    public const int MaxDescription = 4000;

    public static bool PriceInRange(decimal price) => price >= 500 && price <= 100_000_000 && price == decimal.Truncate(price);

    public static bool StockInRange(int stock) => stock is >= 0 and <= 100_000;

    public static IReadOnlyList<InputError> Check(ListingDraft d)
    {
        var errors = new List<InputError>();
        var title = PlainText.Clean(d.Title);
        if (title.Length is < TitleMinLength or > TitleMaxLength) errors.Add(new(nameof(d.Title), "TitleLength"));
        if (title.Contains('\n')) errors.Add(new(nameof(d.Title), "TitleOneLine"));
        if (PlainText.Clean(d.Description).Length is < 10 or > MaxDescription) errors.Add(new(nameof(d.Description), "DescriptionLength"));
        if (!PriceInRange(d.Price)) errors.Add(new(nameof(d.Price), "PriceRange"));
        if (!StockInRange(d.Stock)) errors.Add(new(nameof(d.Stock), "StockRange"));
        if (d.MadeToOrder && d.LeadTimeDays is < 1 or > 90) errors.Add(new(nameof(d.LeadTimeDays), "LeadTimeRange"));
        if (!d.MadeToOrder && d.LeadTimeDays is < 0 or > 90) errors.Add(new(nameof(d.LeadTimeDays), "LeadTimeRange"));
        if (d.WeightGrams is < 1 or > 100_000) errors.Add(new(nameof(d.WeightGrams), "WeightRange"));
        if (d.Delivery == DeliveryOptions.None) errors.Add(new(nameof(d.Delivery), "DeliveryRequired"));
        return errors;
    }
}

/// <summary>The draft broke a rule; nothing was saved.</summary>
public sealed class ListingDraftException(IReadOnlyList<InputError> errors) : Exception(string.Join(", ", errors.Select(e => e.Code)))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
