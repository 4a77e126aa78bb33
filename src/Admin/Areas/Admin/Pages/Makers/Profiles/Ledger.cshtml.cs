using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Ledger;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Makers.Profiles;

public class LedgerModel(StaffScopeAccessor scopes, LedgerQueries ledger, PayoutDesk payouts, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public MakerLedger Ledger { get; private set; } = null!;
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public PayoutMethod? Method { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? ReversalNote { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The cursor of the page shown: entries older than it.</summary>
    [BindProperty(SupportsGet = true, Name = "setelah")] public string? After { get; set; }

    /// <summary>Or the cursor of the page after the one shown: entries newer than it.</summary>
    [BindProperty(SupportsGet = true, Name = "sebelum")] public string? Before { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => Ledger = await ledger.MakerAsync(await scopes.GetAsync(ct), id, After, Before, ct);

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var zone = (await ledger.MakerAsync(scope, id, ct: ct)).Zone;
        return CsvFile.Stream($"saldo-{id}.csv", [text["When"], text["EntryKind"], text["Amount"], text["Order"], text["Note"]],
            ledger.AllEntriesAsync(scope, id, ct).Select(e => (IEnumerable<object?>)[e.OccurredAt.ToZone(zone), text[$"Entry{e.Kind}"].Value, e.SignedAmount, e.OrderCode, e.Note]));
    }

    public async Task<IActionResult> OnPostPayoutAsync(int id, CancellationToken ct)
    {
        var input = new PayoutInput(Amount, Method, Reference);
        foreach (var error in input.Validate())
            ModelState.AddModelError(error.Field, error.MoneyProblem is { } problem ? $"{text["PayoutAmount"]}: {Money.Explain(problem)}" : text[error.Code, PayoutInput.ReferenceMaxLength]);
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);

        var result = await payouts.RecordAsync(await scopes.GetAsync(ct), id, input.ParsedAmount, Method!.Value, Reference, ct);
        switch (result.Problem)
        {
            case PayoutProblem.None:
                Message = text["PayoutRecorded", result.Payout!.Amount, result.Balance];
                return RedirectToPage(new { id });
            case PayoutProblem.MoreThanBalance:
                ModelState.AddModelError(nameof(Amount), text["PayoutOverBalance", result.Balance]);
                break;
            case PayoutProblem.NotPositive:
                ModelState.AddModelError(nameof(Amount), text["PayoutNotPositive"]);
                break;
            default:
                ModelState.AddModelError(nameof(Amount), text["AmountInvalid"]);
                break;
        }
        return await RedisplayAsync(id, ct);
    }

    public async Task<IActionResult> OnPostReverseAsync(int id, int payoutId, CancellationToken ct)
    {
        var errors = new PayoutReversalInput(ReversalNote).Validate();
        foreach (var error in errors) ModelState.AddModelError(nameof(ReversalNote), text[error.Code]);
        if (errors.Count > 0) return await RedisplayAsync(id, ct);
        // Five colleagues pressing at once: one correction is recorded, the others are told it was done.
        var reversed = await payouts.ReverseAsync(await scopes.GetAsync(ct), id, payoutId, ReversalNote!, ct);
        Message = reversed ? text["PayoutReversed"] : text["PayoutAlreadyReversed"];
        return RedirectToPage(new { id });
    }

    async Task<IActionResult> RedisplayAsync(int id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        return Page();
    }
}
