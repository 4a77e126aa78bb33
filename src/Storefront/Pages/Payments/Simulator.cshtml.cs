using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Storefront.Pages.Payments;

/// <summary>
/// Where Midtrans' own pages would be in the demo: one simulated transaction, paid (or refused) by the
/// buyer's tap, after which the shop gets Midtrans' signed notification. Not found unless the simulator is on.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class SimulatorModel(IServiceProvider services) : PageModel
{
    readonly MidtransSimulator? simulator = services.GetService<MidtransSimulator>();

    public MidtransSimulator.Transaction? Transaction { get; private set; }
    public PaymentMethod? Method { get; private set; }
    [TempData] public string? Outcome { get; set; }

    public IActionResult OnGet(string orderId)
    {
        if (simulator is null) return NotFound();
        Transaction = simulator.Find(orderId);
        Method = Transaction is null ? null
            : MidtransChannel.All.FirstOrDefault(c => c.PaymentType == Transaction.PaymentType && c.Bank == Transaction.Bank)?.Method;
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(string orderId, CancellationToken ct) => await ChangeAsync(orderId, pay: true, ct);

    public async Task<IActionResult> OnPostRefuseAsync(string orderId, CancellationToken ct) => await ChangeAsync(orderId, pay: false, ct);

    async Task<IActionResult> ChangeAsync(string orderId, bool pay, CancellationToken ct)
    {
        if (simulator is null) return NotFound();
        var transaction = simulator.Find(orderId);
        if (transaction is null) return RedirectToPage(new { orderId });
        bool changed;
        lock (transaction)
        {
            // A transaction past its custom expiry takes no money, as at Midtrans.
            if (transaction.Status == "pending" && transaction.ExpiresAt < DateTimeOffset.UtcNow) transaction.Status = "expire";
            changed = transaction.Status == "pending";
            if (changed) transaction.Status = pay ? "settlement" : "deny";
        }
        if (!changed)
        {
            Outcome = "NotPending";
            return RedirectToPage(new { orderId });
        }
        var answer = await services.GetRequiredService<SimulatorNotifier>().NotifyAsync(orderId, ct);
        Outcome = answer is >= 200 and < 300 ? (pay ? "Paid" : "Refused") : "ShopDidNotAnswer";
        return RedirectToPage(new { orderId });
    }
}
