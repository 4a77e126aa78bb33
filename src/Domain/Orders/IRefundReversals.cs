namespace PasKreatif.Orders;

/// <summary>
/// Where a refund takes back the credits it pays back, written in the caller's transaction. The ledger keeps the
/// books and sits above Orders, so it registers itself here (see LedgerServices).
/// </summary>
public interface IRefundReversals
{
    /// <summary>Takes back each refunded line's share of its credit; repeating a refund adds nothing.</summary>
    Task<int> ReverseRefundAsync(Refund refund, string note, Guid? recordedBy, CancellationToken ct = default);
}
