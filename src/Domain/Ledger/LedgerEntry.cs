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
    public long Id { get; init; }
    public int MakerId { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public Money Amount { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public int? OrderLineId { get; init; }
    public int? PayoutId { get; init; }
    /// <summary>The entry this one reverses: a credit (in parts, one per refund) or a payout (once).</summary>
    public long? ReversesEntryId { get; init; }
    /// <summary>The refund a credit's reversal belongs to; one reversal per refund and line.</summary>
    public int? RefundId { get; init; }
    public const int NoteMaxLength = 500;
    public string? Note { get; init; }
    public Guid? RecordedById { get; init; }

    public Money SignedAmount => Signed(Kind, Amount);

    /// <summary>The kinds that add to a balance; every other kind takes away. The ledger's one sign convention.</summary>
    static readonly LedgerEntryKind[] Adding = [LedgerEntryKind.Credit, LedgerEntryKind.PayoutReversal];

    /// <summary>The entries that make net revenue (what was sold, less what was taken back); payouts move money, they earn none.</summary>
    static readonly LedgerEntryKind[] Selling = [LedgerEntryKind.Credit, LedgerEntryKind.Reversal];

    public static Money Signed(LedgerEntryKind kind, Money amount) => Adding.Contains(kind) ? amount : -amount;

    /// <summary>Whether an entry of this kind counts towards net revenue.</summary>
    public static bool Sells(LedgerEntryKind kind) => Selling.Contains(kind);

    /// <summary><see cref="Signed"/> for queries: summed per maker it is the balance, summed over sales it is net revenue.</summary>
    public static readonly Expression<Func<LedgerEntry, decimal>> SignedRupiah = SignedRupiahOf<LedgerEntry>(e => e.Kind, e => e.Amount.Amount);

    public static readonly Expression<Func<LedgerEntry, bool>> IsSale = IsSaleOf<LedgerEntry>(e => e.Kind);

    /// <summary><see cref="Signed"/> as a query over any row that holds a kind and an amount (an entry, a month's sum).</summary>
    public static Expression<Func<T, decimal>> SignedRupiahOf<T>(Expression<Func<T, LedgerEntryKind>> kind, Expression<Func<T, decimal>> amount)
    {
        var row = kind.Parameters[0];
        var rupiah = new Rebind(amount.Parameters[0], row).Visit(amount.Body);
        return Expression.Lambda<Func<T, decimal>>(Expression.Condition(AnyOf(kind.Body, Adding), rupiah, Expression.Negate(rupiah)), row);
    }

    /// <summary><see cref="Sells"/> as a query over any row that holds a kind.</summary>
    public static Expression<Func<T, bool>> IsSaleOf<T>(Expression<Func<T, LedgerEntryKind>> kind) =>
        Expression.Lambda<Func<T, bool>>(AnyOf(kind.Body, Selling), kind.Parameters[0]);

    // Compared as C# compiles an enum comparison (through int), which EF maps to the stored text.
    static Expression AnyOf(Expression kind, LedgerEntryKind[] kinds) => kinds
        .Select(k => (Expression)Expression.Equal(Expression.Convert(kind, typeof(int)), Expression.Constant((int)k)))
        .Aggregate(Expression.OrElse);

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public enum PayoutMethod { Cash, BankTransfer }

public class Payout
{
    public int Id { get; init; }
    public int MakerId { get; init; }
    public Money Amount { get; init; }
    public PayoutMethod Method { get; init; }
    public const int ReferenceMaxLength = 120;
    public string? Reference { get; init; }
    public Guid RecordedById { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
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
