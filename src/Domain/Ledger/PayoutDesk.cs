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

    /// <summary>Returns whether this call reversed the maker's payout (false: it was reversed already).</summary>
    public async Task<bool> ReverseAsync(StaffScope scope, int makerId, int payoutId, string note, CancellationToken ct = default)
    {
        if (await queries.PayoutMakerAsync(scope, payoutId, ct) != makerId) throw new OutOfScopeException();
        return await ledger.ReversePayoutAsync(payoutId, note.Trim(), scope.PersonId, ct);
    }
}
