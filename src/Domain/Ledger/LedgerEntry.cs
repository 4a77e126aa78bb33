using System.Linq.Expressions;

namespace PasKreatif.Ledger;

public enum LedgerEntryKind
{
    /// <summary>A paid order line: line total less the group fee.</summary>
    Credit,
    /// <summary>Takes back a credit after a refund or cancellation.</summary>
    Reversal,
    /// <summary>Money handed to the maker.</summary>
    Payout,
    /// <summary>Corrects a mistaken payout; history is never edited.</summary>
    PayoutReversal,
}

/// <summary>
/// One line of a maker's revenue ledger. Amounts are positive; the kind gives the sign.
/// Balance = credits − reversals − payouts (+ payout reversals). Entries are never edited or deleted:
/// the database refuses it (a trigger on the table).
/// </summary>
public class LedgerEntry
{
    public long Id { get; set; }
    public int MakerId { get; set; }
    public LedgerEntryKind Kind { get; set; }
    public Money Amount { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public int? OrderLineId { get; set; }
    public int? PayoutId { get; set; }
    /// <summary>The entry this one reverses: a credit (in parts, one per refund) or a payout (once).</summary>
    public long? ReversesEntryId { get; set; }
    /// <summary>The refund a credit's reversal belongs to; one reversal per refund and line.</summary>
    public int? RefundId { get; set; }
    public string? Note { get; set; }
    public Guid? RecordedById { get; set; }

    public Money SignedAmount => Signed(Kind, Amount);

    /// <summary>The ledger's one sign convention: credits and payout reversals add, reversals and payouts take away.</summary>
    public static Money Signed(LedgerEntryKind kind, Money amount) => kind is LedgerEntryKind.Credit or LedgerEntryKind.PayoutReversal ? amount : -amount;

    /// <summary><see cref="Signed"/> for queries: summed per maker it is the balance, summed over sales it is net revenue.</summary>
    public static readonly Expression<Func<LedgerEntry, decimal>> SignedRupiah =
        e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount;

    /// <summary>The entries that make net revenue (what was sold, less what was taken back); payouts move money, they earn none.</summary>
    public static readonly Expression<Func<LedgerEntry, bool>> IsSale = e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.Reversal;
}

public enum PayoutMethod { Cash, BankTransfer }

public class Payout
{
    public int Id { get; set; }
    public int MakerId { get; set; }
    public Money Amount { get; set; }
    public PayoutMethod Method { get; set; }
    public string? Reference { get; set; }
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// Where a maker stands: credits − reversals − payouts + payout reversals. A reversal larger than the
/// balance leaves an amount owed, taken from the next payout; it is shown as owed, never as a negative balance.
/// </summary>
public readonly record struct LedgerBalance(Money Net)
{
    /// <summary>What may be paid out now.</summary>
    public Money Available => Money.Max(Net, Money.Zero);
    /// <summary>What the maker owes back, deducted from the next payout.</summary>
    public Money Owed => Money.Max(-Net, Money.Zero);
    public bool IsOwed => Net.IsNegative;
}
