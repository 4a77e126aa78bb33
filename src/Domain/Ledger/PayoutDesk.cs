using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;
using Microsoft.EntityFrameworkCore;

namespace PasKreatif.Ledger;

/// <summary>Payouts recorded from the back office: the scope decides whom, <see cref="RevenueLedger"/> decides how much.</summary>
public sealed class PayoutDesk(MarketplaceDb db, RevenueLedger ledger, LedgerQueries queries)
{
    public async Task<PayoutResult> RecordAsync(StaffScope scope, int makerId, Money amount, PayoutMethod method, string? reference, CancellationToken ct = default)
    {
        if (!await scope.Makers(db).AnyAsync(m => m.Id == makerId, ct)) throw new OutOfScopeException();
        return await ledger.RecordPayoutAsync(makerId, amount, method, reference, scope.PersonId, ct);
    }

    /// <summary>Returns the payout's maker, and whether this call reversed it (false: it was reversed already).</summary>
    public async Task<(int MakerId, bool Reversed)> ReverseAsync(StaffScope scope, int payoutId, string note, CancellationToken ct = default)
    {
        var makerId = await queries.PayoutMakerAsync(scope, payoutId, ct);
        return (makerId, await ledger.ReversePayoutAsync(payoutId, note.Trim(), scope.PersonId, ct));
    }
}
