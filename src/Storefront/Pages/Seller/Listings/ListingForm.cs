using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;

namespace PasKreatif.Storefront.Pages.Seller.Listings;

/// <summary>The listing form's fields as posted; numbers stay nullable so a typo is an error, not a zero.</summary>
public sealed class ListingForm
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int CategoryId { get; set; }
    public int ProgrammeId { get; set; }
    /// <summary>As typed ("25000", "25.000", "Rp25.000"); read by <see cref="Money.TryParse"/> only.</summary>
    public string? Price { get; set; }
    public bool MadeToOrder { get; set; }
    public int? Stock { get; set; }
    public int? LeadTimeDays { get; set; }
    public int? WeightGrams { get; set; }
    public bool Pickup { get; set; }
    public bool LocalDelivery { get; set; }
    public bool Shipping { get; set; }

    /// <summary>Why the typed price cannot be read, or <see cref="MoneyProblem.None"/>.</summary>
    public MoneyProblem PriceProblem => Money.TryParse(Price, out _);

    public ListingDraft ToDraft() => new(Title ?? "", Description ?? "", CategoryId, ProgrammeId,
        Money.TryParse(Price, out var price) == MoneyProblem.None ? price.Amount : 0, MadeToOrder,
        Stock ?? 0, LeadTimeDays ?? 0, WeightGrams ?? 0,
        (Pickup ? DeliveryOptions.Pickup : 0) | (LocalDelivery ? DeliveryOptions.LocalDelivery : 0) | (Shipping ? DeliveryOptions.Shipping : 0));

    public static ListingForm From(Listing l, ListingRevision? open) => new()
    {
        Title = open?.Title ?? l.Title, Description = open?.Description ?? l.Description, CategoryId = open?.CategoryId ?? l.CategoryId,
        ProgrammeId = l.ProgrammeId, Price = l.Price.Amount.ToString("0", System.Globalization.CultureInfo.InvariantCulture), MadeToOrder = l.MadeToOrder, Stock = l.Stock, LeadTimeDays = l.LeadTimeDays,
        WeightGrams = l.WeightGrams, Pickup = l.Delivery.HasFlag(DeliveryOptions.Pickup),
        LocalDelivery = l.Delivery.HasFlag(DeliveryOptions.LocalDelivery), Shipping = l.Delivery.HasFlag(DeliveryOptions.Shipping),
    };
}

/// <summary>What the form's select boxes offer.</summary>
public sealed record ListingFormChoices(IReadOnlyList<SelectListItem> Categories, IReadOnlyList<SelectListItem> Programmes, bool ProgrammeFixed);

static class ListingFormErrors
{
    /// <summary>The label each field's messages name it by.</summary>
    static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(ListingForm.Title)] = "Field.Title", [nameof(ListingForm.Description)] = "Field.Description",
        [nameof(ListingForm.CategoryId)] = "Field.Category", [nameof(ListingForm.ProgrammeId)] = "Field.Programme",
        [nameof(ListingForm.Price)] = "Field.Price", [nameof(ListingForm.Stock)] = "Field.Stock",
        [nameof(ListingForm.LeadTimeDays)] = "Field.LeadTime", [nameof(ListingForm.WeightGrams)] = "Field.Weight",
    };

    /// <summary>
    /// Replaces the binder's English messages with ours and adds the domain's, one message per field,
    /// each naming its field: an empty box says it is empty, a typo says a number is wanted.
    /// </summary>
    public static void Show(ModelStateDictionary state, ListingForm form, IEnumerable<InputError> errors, IStringLocalizer text)
    {
        var unreadable = new HashSet<string>();
        foreach (var (key, entry) in state.Where(e => e.Value!.Errors.Count > 0).ToList())
        {
            entry!.Errors.Clear();
            var field = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
            // An empty required text is the domain's to explain; only a typed value that is not a number is the binder's.
            if (string.IsNullOrWhiteSpace(entry.AttemptedValue) || field is nameof(ListingForm.Title) or nameof(ListingForm.Description)) continue;
            state.AddModelError(key, text["Error.NumberIn", Labels.TryGetValue(field, out var label) ? text[label] : field]);
            unreadable.Add(field);
        }
        var priceProblem = form.PriceProblem;
        if (priceProblem != MoneyProblem.None)
        {
            state.AddModelError("Form.Price", priceProblem == MoneyProblem.Empty ? text["Error.PriceEmpty"] : text["Error.PriceUnreadable", Money.Explain(priceProblem)]);
            unreadable.Add(nameof(ListingForm.Price));
        }
        foreach (var e in errors.Where(e => !unreadable.Contains(e.Field)).DistinctBy(e => e.Field))
            state.AddModelError("Form." + e.Field, text["Error." + Emptied(form, e)]);
    }

    static string Emptied(ListingForm form, InputError e) => e.Code switch
    {
        "TitleLength" when string.IsNullOrWhiteSpace(form.Title) => "TitleEmpty",
        "DescriptionLength" when string.IsNullOrWhiteSpace(form.Description) => "DescriptionEmpty",
        _ => e.Code,
    };
}

/// <param name="ListingId">The listing edited (null for a new one), with the edit version and title the outbox keeps an offline edit under.</param>
/// <param name="CanAddPhotos">Photos chosen in an offline edit go through the listing's own photo pipeline, so only where that takes them.</param>
public sealed record ListingFormView(ListingForm Form, ListingFormChoices Choices, bool IsNew, int? ListingId = null, int? Version = null, string? Label = null, bool CanAddPhotos = false);
