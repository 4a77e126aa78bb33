using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Seller;

/// <summary>
/// Where the phone's outbox sends what the maker changed without signal, one change a request, in
/// order. Answers JSON: the result code, its message in the maker's language, the value kept now
/// and the edit version to base the next change on. Antiforgery as for every form.
/// </summary>
public class OutboxModel(CurrentMaker current, OfflineChanges changes, IStringLocalizer<WorkspaceText> text) : WorkspacePage(current, text)
{
    public IActionResult OnGet() => NotFound();

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

    JsonResult Reply(int status, string result, string message, string? currentValue, int? version) =>
        new(new { result, message, current = currentValue, version }) { StatusCode = status };
}
