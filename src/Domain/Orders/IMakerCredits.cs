namespace PasKreatif.Orders;

/// <summary>
/// Where paid parts earn their makers a credit, written in the caller's transaction. The ledger keeps the books
/// and sits above Orders, so it registers itself here (see LedgerServices).
/// </summary>
public interface IMakerCredits
{
    /// <summary>Credits the lines of an order's parts (all, or those given), dated when paid; a line already credited is skipped.</summary>
    Task<int> CreditPartsAsync(int orderId, IReadOnlyCollection<int>? fulfilmentIds, DateTimeOffset paidAt, CancellationToken ct = default);
}
