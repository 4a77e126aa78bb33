using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

public enum PayoutProblem { None, NotPositive, MoreThanBalance, UnknownMaker }

public sealed record PayoutResult(PayoutProblem Problem, Payout? Payout = null, Money Balance = default)
{
    public bool Succeeded => Problem == PayoutProblem.None;
}

/// <summary>
/// The makers' revenue ledger: credits for paid lines, reversals, payouts and their corrections.
/// Balance = credits − reversals − payouts (+ payout reversals). Entries are only ever added;
/// the database's unique keys and a row lock on the maker make repeats and races harmless.
/// </summary>
public sealed class RevenueLedger(MarketplaceDb db, TimeProvider clock)
{
    public Task<Money> BalanceAsync(int makerId, CancellationToken ct = default) => BalanceQuery(makerId, ct);

    /// <summary>Credits every line of a paid order not credited yet, less its group's fee. Safe to repeat.</summary>
    public async Task<int> CreditPaidOrderAsync(int orderId, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.PaidAt, Lines = o.Lines.Select(l => new { l.Id, l.MakerId, l.LineTotal, Fee = db.Fulfilments.Where(f => f.Id == l.FulfilmentId).Select(f => db.Groups.Where(g => g.Id == f.GroupId).Select(g => g.FeePercent).First()).First() }) })
            .SingleAsync(ct);
        if (order.PaidAt is null) throw new InvalidOperationException($"Order {orderId} is not paid.");
        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var credited = await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && lineIds.Contains(e.OrderLineId!.Value))
            .Select(e => e.OrderLineId!.Value).ToListAsync(ct);
        var added = 0;
        foreach (var line in order.Lines.Where(l => !credited.Contains(l.Id)))
        {
            db.LedgerEntries.Add(new LedgerEntry
            {
                MakerId = line.MakerId, Kind = LedgerEntryKind.Credit, OrderLineId = line.Id,
                Amount = line.LineTotal.LessPercent(line.Fee), OccurredAt = order.PaidAt.Value,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Takes back the credits of an order (refund or cancellation after payment), each once.</summary>
    public async Task<int> ReverseOrderAsync(int orderId, string note, Guid? recordedBy = null, CancellationToken ct = default)
    {
        var credits = await db.LedgerEntries
            .Where(e => e.Kind == LedgerEntryKind.Credit && db.OrderLines.Any(l => l.Id == e.OrderLineId && l.OrderId == orderId))
            .Where(e => !db.LedgerEntries.Any(r => r.ReversesEntryId == e.Id))
            .AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var credit in credits)
        {
            db.LedgerEntries.Add(new LedgerEntry
            {
                MakerId = credit.MakerId, Kind = LedgerEntryKind.Reversal, Amount = credit.Amount, OccurredAt = now,
                ReversesEntryId = credit.Id, OrderLineId = credit.OrderLineId, Note = note, RecordedById = recordedBy,
            });
        }
        await db.SaveChangesAsync(ct);
        return credits.Count;
    }

    /// <summary>Records money handed to a maker, never more than the balance, even when two mentors press at once.</summary>
    public async Task<PayoutResult> RecordPayoutAsync(int makerId, Money amount, PayoutMethod method, string? reference, Guid recordedBy, CancellationToken ct = default)
    {
        if (amount <= Money.Zero) return new(PayoutProblem.NotPositive);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The maker's row lock queues concurrent payouts for the same maker; the second sees the first.
        var locked = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Makers" WHERE "Id" = {makerId} FOR UPDATE""").ToListAsync(ct);
        if (locked.Count == 0) return new(PayoutProblem.UnknownMaker);
        var balance = await BalanceQuery(makerId, ct);
        if (amount > balance) return new(PayoutProblem.MoreThanBalance, Balance: balance);

        var now = clock.GetUtcNow();
        var payout = new Payout { MakerId = makerId, Amount = amount, Method = method, Reference = reference?.Trim(), RecordedById = recordedBy, RecordedAt = now };
        db.Payouts.Add(payout);
        await db.SaveChangesAsync(ct);
        db.LedgerEntries.Add(new LedgerEntry
        {
            MakerId = makerId, Kind = LedgerEntryKind.Payout, Amount = amount, OccurredAt = now,
            PayoutId = payout.Id, RecordedById = recordedBy, Note = payout.Reference,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(PayoutProblem.None, payout, balance - amount);
    }

    /// <summary>Corrects a mistaken payout by a reversing entry; returns false when it was reversed already.</summary>
    public async Task<bool> ReversePayoutAsync(int payoutId, string note, Guid recordedBy, CancellationToken ct = default)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.PayoutId == payoutId && e.Kind == LedgerEntryKind.Payout, ct);
        if (await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == entry.Id, ct)) return false;
        db.LedgerEntries.Add(new LedgerEntry
        {
            MakerId = entry.MakerId, Kind = LedgerEntryKind.PayoutReversal, Amount = entry.Amount, OccurredAt = clock.GetUtcNow(),
            ReversesEntryId = entry.Id, PayoutId = payoutId, RecordedById = recordedBy, Note = note,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return false; // a concurrent correction won
        }
    }

    async Task<Money> BalanceQuery(int makerId, CancellationToken ct) => new(
        await db.LedgerEntries.Where(e => e.MakerId == makerId)
            .SumAsync(e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount, ct));
}
