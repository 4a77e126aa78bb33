using System.Linq.Expressions;

namespace PasKreatif.Ledger;

/// <summary>
/// A maker's ledger entries of one kind summed per calendar month (in their home office's zone) and programme (the
/// listing's, for entries of an order line; none for payouts). The database keeps it on every ledger insert, in the
/// same statement, so roll-ups sum a few rows per maker and month instead of every sale (see LedgerMonths in Persistence).
/// </summary>
public class LedgerMonth
{
    public long Id { get; init; }
    public int MakerId { get; init; }
    public DateOnly Month { get; init; }
    public int? ProgrammeId { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public Money Amount { get; init; }
    public int Entries { get; init; }

    /// <summary>The month's sum under the ledger's sign (<see cref="LedgerEntry.Signed"/>).</summary>
    public static readonly Expression<Func<LedgerMonth, decimal>> SignedRupiah = LedgerEntry.SignedRupiahOf<LedgerMonth>(m => m.Kind, m => m.Amount.Amount);

    public static readonly Expression<Func<LedgerMonth, bool>> IsSale = LedgerEntry.IsSaleOf<LedgerMonth>(m => m.Kind);
}
