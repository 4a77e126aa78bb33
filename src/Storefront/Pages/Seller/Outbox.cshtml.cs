using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.Workspace;
using PasKreatif.Storefront.Pages.Seller.Listings;

namespace PasKreatif.Storefront.Pages.Seller;

/// <summary>
/// Where the phone's outbox sends what the maker changed without signal, one change a request, in
/// order. Answers JSON: the result code, its message in the maker's language, the value kept now
/// and the edit version to base the next change on. Antiforgery as for every form.
/// </summary>
public class OutboxModel(CurrentMaker current, OfflineChanges changes, OfflineListings drafts, IAntiforgery antiforgery, ListingEditor editor, IStringLocalizer<WorkspaceText> text)
    : WorkspacePage(current, text)
{
    public IActionResult OnGet() => NotFound();

    /// <summary>A fresh token before sending: the one in a page kept on the phone may belong to an ended browser session.</summary>
    public IActionResult OnGetToken()
    {
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken });
    }

    /// <summary>A new listing drafted offline, under the phone's key: sent twice, it is still one listing.</summary>
    public async Task<IActionResult> OnPostListingAsync(Guid? key, [Bind(Prefix = "Form")] ListingForm form, CancellationToken ct)
    {
        if (!OfflineListing.IsKey(key)) return Reply(StatusCodes.Status400BadRequest, "Refused", Text["Outbox.Malformed"], null, null);
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var draft = form.ToDraft();
        if (!ModelState.IsValid || form.PriceProblem != MoneyProblem.None) return RefusedDraft(form, ListingDrafts.Check(draft));
        var answer = await drafts.CreateAsync(MakerId, PersonId, key!.Value, draft, ct);
        if (answer.Result == OfflineResult.Refused) return RefusedDraft(form, answer.Errors);
        return Reply(StatusCodes.Status200OK, answer.Result.ToString(), Text[answer.Result == OfflineResult.Saved ? "Outbox.Saved.Listing" : "Outbox.AlreadySaved"],
            null, null, ListingLink(answer.ListingId));
    }

    /// <summary>One photo kept offline, for a listing by its id or by the key of a listing drafted offline before it.</summary>
    public async Task<IActionResult> OnPostPhotoAsync(Guid? key, int? listing, Guid? listingKey, IFormFile? photo, CancellationToken ct)
    {
        if (!OfflineListing.IsKey(key) || (listing is null && !OfflineListing.IsKey(listingKey)))
            return Reply(StatusCodes.Status400BadRequest, "Refused", Text["Outbox.Malformed"], null, null);
        if (!await ResolveMakerAsync(ct)) return NotFound();
        if (PhotoRules.CheckSize(photo?.Length ?? 0) is not PhotoProblem.None and var refused) return RefusedPhoto("Photo." + refused);
        using var buffer = new MemoryStream((int)photo!.Length);
        await photo.CopyToAsync(buffer, ct);
        OfflineDraftAnswer answer;
        try
        {
            answer = await drafts.AddPhotoAsync(MakerId, key!.Value, listing, listingKey, buffer.ToArray(), ct);
        }
        catch (ListingNotFoundException) { return Reply(StatusCodes.Status404NotFound, "NotFound", Text["Outbox.NotFound"], null, null); }
        if (answer.Result == OfflineResult.Refused) return RefusedPhoto(answer.Problem!);
        return Reply(StatusCodes.Status200OK, answer.Result.ToString(), Text[answer.Result == OfflineResult.Saved ? "Outbox.Saved.Photo" : "Outbox.AlreadySaved"],
            null, null, ListingLink(answer.ListingId));
    }

    /// <summary>
    /// An existing listing's form edited offline: the values the maker saw (Seen) and those they typed (Form), with the
    /// edit version the page showed. Saved once under the phone's key, or answered with the fields changed on both sides.
    /// </summary>
    public async Task<IActionResult> OnPostEditAsync(Guid? key, int listing, int version, [Bind(Prefix = "Seen")] ListingForm seen, [Bind(Prefix = "Form")] ListingForm form, CancellationToken ct)
    {
        var seenBroken = ModelState.Any(e => e.Key.StartsWith("Seen.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0) || seen.PriceProblem != MoneyProblem.None;
        if (!OfflineListing.IsKey(key) || seenBroken || ModelState.ContainsKey(nameof(listing)) && ModelState[nameof(listing)]!.Errors.Count > 0)
            return Reply(StatusCodes.Status400BadRequest, "Refused", Text["Outbox.Malformed"], null, null);
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var wanted = form.ToDraft();
        if (!ModelState.IsValid || form.PriceProblem != MoneyProblem.None)
            return RefusedEdit(form, ListingDrafts.Check(wanted), listing);
        OfflineEditAnswer answer;
        try
        {
            answer = await changes.EditAsync(MakerId, PersonId, key!.Value, listing, version, seen.ToDraft(), wanted, ct);
        }
        catch (ListingNotFoundException) { return Reply(StatusCodes.Status404NotFound, "NotFound", Text["Outbox.NotFound"], null, null); }
        var link = ListingLink(listing);
        switch (answer.Result)
        {
            case OfflineResult.Refused when answer.Errors.Count > 0:
                return RefusedEdit(form, answer.Errors, listing);
            case OfflineResult.Refused:
                return new JsonResult(new { result = "Refused", message = RefusalMessage(answer.Problem ?? ""), version = answer.Version, link, errors = new Dictionary<string, string>() })
                    { StatusCode = StatusCodes.Status422UnprocessableEntity };
            case OfflineResult.Conflict:
                var names = await ChoiceNamesAsync(ct);
                var conflicts = answer.Conflicts.Select(f => new { field = f, label = Text[FieldLabel(f)].Value, mine = Shown(f, answer.Merged!, names), theirs = Shown(f, answer.Current, names) });
                return new JsonResult(new
                {
                    result = "Conflict", message = Text["Outbox.Conflict.Edit"].Value, version = answer.Version, link,
                    current = FormFields(answer.Current), merged = FormFields(answer.Merged!), conflicts,
                }) { StatusCode = StatusCodes.Status409Conflict };
            default:
                return new JsonResult(new
                {
                    result = answer.Result.ToString(), version = answer.Version, link, current = FormFields(answer.Current),
                    message = Text[answer.Result == OfflineResult.Saved ? "Outbox.Saved.Edit" : "Outbox.AlreadySaved"].Value,
                });
        }
    }

    // The answer's messages by form field, so the form reopened on the phone shows each next to its field.
    JsonResult RefusedEdit(ListingForm form, IEnumerable<InputError> errors, int listing)
    {
        var byField = FieldMessages(form, errors);
        return new JsonResult(new { result = "Refused", message = string.Join(" ", byField.Values.Distinct()), link = ListingLink(listing), errors = byField })
            { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    Dictionary<string, string> FieldMessages(ListingForm form, IEnumerable<InputError> errors)
    {
        ListingFormErrors.Show(ModelState, form, errors, Text);
        return ModelState.Where(e => e.Key.StartsWith("Form.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0)
            .ToDictionary(e => e.Key, e => e.Value!.Errors[0].ErrorMessage);
    }

    string? ListingLink(int? listing) => listing is { } id ? Url.Page("/Seller/Listings/Detail", new { id }) : null;

    static string FieldLabel(string field) => field switch
    {
        nameof(ListingDraft.CategoryId) => "Field.Category",
        nameof(ListingDraft.ProgrammeId) => "Field.Programme",
        nameof(ListingDraft.LeadTimeDays) => "Field.LeadTime",
        nameof(ListingDraft.WeightGrams) => "Field.Weight",
        _ => "Field." + field,
    };

    static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // As the form posts them, so the phone can put the shop's values (or the merged ones) back into a kept edit.
    static Dictionary<string, string> FormFields(ListingDraft d) => new()
    {
        ["Form.Title"] = d.Title, ["Form.Description"] = d.Description, ["Form.CategoryId"] = Number(d.CategoryId), ["Form.ProgrammeId"] = Number(d.ProgrammeId),
        ["Form.Price"] = d.Price.ToString("0", System.Globalization.CultureInfo.InvariantCulture), ["Form.MadeToOrder"] = d.MadeToOrder ? "true" : "false",
        ["Form.Stock"] = Number(d.Stock), ["Form.LeadTimeDays"] = Number(d.LeadTimeDays), ["Form.WeightGrams"] = Number(d.WeightGrams),
        ["Form.Pickup"] = d.Delivery.HasFlag(DeliveryOptions.Pickup) ? "true" : "false",
        ["Form.LocalDelivery"] = d.Delivery.HasFlag(DeliveryOptions.LocalDelivery) ? "true" : "false",
        ["Form.Shipping"] = d.Delivery.HasFlag(DeliveryOptions.Shipping) ? "true" : "false",
    };

    sealed record ChoiceNames(Dictionary<int, string> Categories, Dictionary<int, string> Programmes);

    async Task<ChoiceNames> ChoiceNamesAsync(CancellationToken ct)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var categories = await editor.CategoriesAsync(english, ct);
        var programmes = await editor.ProgrammesAsync(MakerId, ct);
        return new(categories.ToDictionary(c => c.Id, c => c.Name), programmes.ToDictionary(p => p.Id, p => p.Name));
    }

    // A field's value in the maker's words, for the conflict's two sides.
    string Shown(string field, ListingDraft d, ChoiceNames names) => field switch
    {
        nameof(ListingDraft.Title) => d.Title,
        nameof(ListingDraft.Description) => d.Description,
        nameof(ListingDraft.CategoryId) => names.Categories.GetValueOrDefault(d.CategoryId, Number(d.CategoryId)),
        nameof(ListingDraft.ProgrammeId) => names.Programmes.GetValueOrDefault(d.ProgrammeId, Number(d.ProgrammeId)),
        nameof(ListingDraft.Price) => Money.Of(d.Price).ToString(),
        nameof(ListingDraft.MadeToOrder) => Text[d.MadeToOrder ? "Outbox.Yes" : "Outbox.No"],
        nameof(ListingDraft.Stock) => Number(d.Stock),
        nameof(ListingDraft.LeadTimeDays) => Text["Outbox.Days", d.LeadTimeDays],
        nameof(ListingDraft.WeightGrams) => Text["Outbox.Grams", d.WeightGrams],
        nameof(ListingDraft.Delivery) => string.Join(", ", new[] { DeliveryOptions.Pickup, DeliveryOptions.LocalDelivery, DeliveryOptions.Shipping }
            .Where(o => d.Delivery.HasFlag(o)).Select(o => Text["Delivery." + o].Value)),
        _ => "",
    };

    // The form's own messages, each naming its field: in one line for the phone's list, and by field for the form reopened there.
    JsonResult RefusedDraft(ListingForm form, IEnumerable<InputError> errors)
    {
        var byField = FieldMessages(form, errors);
        var messages = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct();
        return new JsonResult(new { result = "Refused", message = string.Join(" ", messages), errors = byField })
            { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    JsonResult RefusedPhoto(string key) =>
        Reply(StatusCodes.Status422UnprocessableEntity, "Refused", Text[key] + " " + Text["NothingSaved"], null, null);

    public Task<IActionResult> OnPostStockAsync(int listing, int version, int seen, int stock, CancellationToken ct) =>
        AnswerAsync(() => changes.SetStockAsync(MakerId, PersonId, listing, version, seen, stock, ct), "Stock", ct);

    // Prices arrive as typed rupiah and go through the one reader: the culture's model binder would read "15.000" by locale.
    public async Task<IActionResult> OnPostPriceAsync(int listing, int version, string? seen, string? price, CancellationToken ct)
    {
        var problem = Money.TryParse(price, out var typed);
        if (problem != MoneyProblem.None)
            return Reply(StatusCodes.Status422UnprocessableEntity, "Refused", problem == MoneyProblem.Empty ? Text["Error.PriceEmpty"] : Text["Error.PriceUnreadable", Money.Explain(problem)], null, null);
        if (Money.TryParse(seen, out var before) != MoneyProblem.None)
            return Reply(StatusCodes.Status400BadRequest, "Refused", Text["Outbox.Malformed"], null, null);
        return await AnswerAsync(() => changes.SetPriceAsync(MakerId, listing, version, before.Amount, typed.Amount, ct), "Price", ct);
    }

    public Task<IActionResult> OnPostStepAsync(int order, FulfilmentStatus seen, FulfilmentStatus to, string? trackingNote, CancellationToken ct) =>
        AnswerAsync(() => changes.StepAsync(MakerId, order, seen, to, trackingNote, ct), "Step", ct);

    async Task<IActionResult> AnswerAsync(Func<Task<OfflineAnswer>> change, string kind, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Reply(StatusCodes.Status400BadRequest, "Refused", Text["Outbox.Malformed"], null, null);
        if (!await ResolveMakerAsync(ct)) return NotFound();
        OfflineAnswer answer;
        try
        {
            answer = await change();
        }
        catch (ListingNotFoundException) { return Reply(StatusCodes.Status404NotFound, "NotFound", Text["Outbox.NotFound"], null, null); }
        catch (FulfilmentNotFoundException) { return Reply(StatusCodes.Status404NotFound, "NotFound", Text["Outbox.NotFound"], null, null); }
        var message = answer.Result switch
        {
            OfflineResult.Saved => Text["Outbox.Saved." + kind],
            OfflineResult.AlreadySaved => Text["Outbox.AlreadySaved"],
            OfflineResult.Conflict => Text["Outbox.Conflict." + kind],
            _ => RefusalMessage(answer.Problem ?? ""),
        };
        var status = answer.Result == OfflineResult.Conflict ? StatusCodes.Status409Conflict
            : answer.Result == OfflineResult.Refused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Reply(status, answer.Result.ToString(), message, answer.Current, answer.Version);
    }

    string RefusalMessage(string code)
    {
        foreach (var key in new[] { "Rule." + code, "Error." + code, "Fulfil." + code })
            if (Text[key] is { ResourceNotFound: false } found) return found;
        return Text["Outbox.Refused"];
    }

    static JsonResult Reply(int status, string result, string message, string? currentValue, int? version, string? link = null) =>
        new(new { result, message, current = currentValue, version, link }) { StatusCode = status };
}
