using Microsoft.EntityFrameworkCore;
using Npgsql;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

public enum PayoutProblem { None, NotPositive, MoreThanBalance, UnknownMaker }

public sealed record PayoutResult(PayoutProblem Problem, Payout? Payout = null, Money Balance = default)
{
    public bool Succeeded => Problem == PayoutProblem.None;
}

/// <summary>
/// The makers' revenue ledger: credits for paid lines, reversals, payouts and their corrections.
/// Balance = credits − reversals − payouts (+ payout reversals). Entries are only ever added (the
/// database refuses updates and deletes); every write that changes a balance first takes the maker's
/// row lock, so concurrent writes for one maker queue and each sees the one before. Unique keys make
/// repeats harmless.
/// </summary>
public sealed class RevenueLedger(MarketplaceDb db, TimeProvider clock) : IMakerCredits, IRefundReversals
{
    public Task<Money> BalanceAsync(int makerId, CancellationToken ct = default) => BalanceQuery(makerId, ct);

    public async Task<LedgerBalance> StandingAsync(int makerId, CancellationToken ct = default) => new(await BalanceQuery(makerId, ct));

    /// <summary>Takes the makers' row locks for the current transaction, lowest id first so two writers never wait in a circle.</summary>
    public async Task LockMakersAsync(IEnumerable<int> makerIds, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A maker's lock needs a transaction.");
        var ids = makerIds.Distinct().Order().ToArray();
        if (ids.Length == 0) return;
        await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Makers" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""").ToListAsync(ct);
    }

    /// <summary>Credits every line of a paid order not credited yet, less its group's fee. Safe to repeat.</summary>
    public async Task<int> CreditPaidOrderAsync(int orderId, CancellationToken ct = default)
    {
        var paidAt = await db.Orders.Where(o => o.Id == orderId).Select(o => o.PaidAt).SingleAsync(ct)
            ?? throw new InvalidOperationException($"Order {orderId} is not paid.");
        return await CreditPartsAsync(orderId, null, paidAt, ct);
    }

    /// <summary>
    /// Credits the lines of an order's parts (all, or those given), less each part's group fee, dated
    /// when paid. A line already credited is skipped; a credit that rounds to Rp0 is not written.
    /// </summary>
    public Task<int> CreditPartsAsync(int orderId, IReadOnlyCollection<int>? fulfilmentIds, DateTimeOffset paidAt, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var lines = await db.OrderLines.AsNoTracking()
                .Where(l => l.OrderId == orderId && (fulfilmentIds == null || fulfilmentIds.Contains(l.FulfilmentId)))
                .Select(l => new
                {
                    l.Id, l.MakerId, l.LineTotal,
                    Fee = db.Set<Fulfilment>().Where(f => f.Id == l.FulfilmentId).Select(f => db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => g.FeePercent).First()).First(),
                })
                .ToListAsync(ct);
            await LockMakersAsync(lines.Select(l => l.MakerId), ct);
            var lineIds = lines.Select(l => l.Id).ToList();
            var credited = await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && lineIds.Contains(e.OrderLineId!.Value))
                .Select(e => e.OrderLineId!.Value).ToListAsync(ct);
            var added = 0;
            foreach (var line in lines.Where(l => !credited.Contains(l.Id)))
            {
                var amount = line.LineTotal.LessPercent(line.Fee);
                if (amount <= Money.Zero) continue; // a fee that leaves nothing: there is nothing to credit
                db.LedgerEntries.Add(new LedgerEntry
                {
                    MakerId = line.MakerId, Kind = LedgerEntryKind.Credit, OrderLineId = line.Id, Amount = amount, OccurredAt = paidAt,
                });
                added++;
            }
            await db.SaveChangesAsync(ct);
            return added;
        }, ct);

    /// <summary>
    /// Takes back the credits a refund pays back: for each line, the share of its credit that the
    /// refunded units carry (half up), so several partial refunds add up to exactly the whole credit
    /// and never beyond it. Repeating a refund adds nothing.
    /// </summary>
    public Task<int> ReverseRefundAsync(Refund refund, string note, Guid? recordedBy, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var lineIds = refund.Lines.Where(l => l.OrderLineId is not null).Select(l => l.OrderLineId!.Value).Distinct().ToList();
            if (lineIds.Count == 0) return 0;
            var lines = await db.OrderLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).Select(l => new { l.Id, l.MakerId, l.Quantity }).ToListAsync(ct);
            await LockMakersAsync(lines.Select(l => l.MakerId), ct);
            var credits = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.Kind == LedgerEntryKind.Credit && lineIds.Contains(e.OrderLineId!.Value)).ToDictionaryAsync(e => e.OrderLineId!.Value, ct);
            var already = await db.LedgerEntries.AnyAsync(e => e.RefundId == refund.Id && e.Kind == LedgerEntryKind.Reversal, ct);
            if (already) return 0;
            // Units refunded by the refunds before this one, per line.
            var before = await db.Set<RefundLine>().Where(r => r.RefundId != refund.Id && lineIds.Contains(r.OrderLineId!.Value))
                .GroupBy(r => r.OrderLineId!.Value).Select(g => new { Line = g.Key, Units = g.Sum(r => r.Quantity) }).ToDictionaryAsync(g => g.Line, g => g.Units, ct);
            var now = clock.GetUtcNow();
            var added = 0;
            foreach (var line in lines)
            {
                if (!credits.TryGetValue(line.Id, out var credit)) continue;
                var units = refund.Lines.Where(r => r.OrderLineId == line.Id).Sum(r => r.Quantity);
                var after = Math.Min(line.Quantity, before.GetValueOrDefault(line.Id) + units);
                var reversed = await ReversedAsync(credit.Id, ct);
                var amount = credit.Amount.ShareOf(after, line.Quantity) - reversed;
                if (amount <= Money.Zero) continue;
                db.LedgerEntries.Add(new LedgerEntry
                {
                    MakerId = credit.MakerId, Kind = LedgerEntryKind.Reversal, Amount = amount, OccurredAt = now, ReversesEntryId = credit.Id,
                    OrderLineId = line.Id, RefundId = refund.Id, Note = note, RecordedById = recordedBy,
                });
                added++;
            }
            await db.SaveChangesAsync(ct);
            return added;
        }, ct);

    /// <summary>Takes back whatever remains of an order's credits (a whole cancellation after payment), each once.</summary>
    public Task<int> ReverseOrderAsync(int orderId, string note, Guid? recordedBy = null, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var credits = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.Kind == LedgerEntryKind.Credit && db.Set<OrderLine>().Any(l => l.Id == e.OrderLineId && l.OrderId == orderId)).ToListAsync(ct);
            await LockMakersAsync(credits.Select(c => c.MakerId), ct);
            var now = clock.GetUtcNow();
            var added = 0;
            foreach (var credit in credits)
            {
                var remaining = credit.Amount - await ReversedAsync(credit.Id, ct);
                if (remaining <= Money.Zero) continue;
                db.LedgerEntries.Add(new LedgerEntry
                {
                    MakerId = credit.MakerId, Kind = LedgerEntryKind.Reversal, Amount = remaining, OccurredAt = now,
                    ReversesEntryId = credit.Id, OrderLineId = credit.OrderLineId, Note = note, RecordedById = recordedBy,
                });
                added++;
            }
            await db.SaveChangesAsync(ct);
            return added;
        }, ct);

    /// <summary>Records money handed to a maker, never more than what is available, even when two mentors press at once.</summary>
    public async Task<PayoutResult> RecordPayoutAsync(int makerId, Money amount, PayoutMethod method, string? reference, Guid recordedBy, CancellationToken ct = default)
    {
        if (amount <= Money.Zero) return new(PayoutProblem.NotPositive);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The maker's row lock queues concurrent payouts for the same maker; the second sees the first.
        var locked = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Makers" WHERE "Id" = {makerId} FOR UPDATE""").ToListAsync(ct);
        if (locked.Count == 0) return new(PayoutProblem.UnknownMaker);
        var balance = new LedgerBalance(await BalanceQuery(makerId, ct));
        if (amount > balance.Available) return new(PayoutProblem.MoreThanBalance, Balance: balance.Available);

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
        return new(PayoutProblem.None, payout, balance.Available - amount);
    }

    /// <summary>Corrects a mistaken payout by a reversing entry; false when it was corrected already (by this caller or a concurrent one).</summary>
    public async Task<bool> ReversePayoutAsync(int payoutId, string note, Guid recordedBy, CancellationToken ct = default)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.PayoutId == payoutId && e.Kind == LedgerEntryKind.Payout, ct);
        try
        {
            return await InTransactionAsync(async () =>
            {
                await LockMakersAsync([entry.MakerId], ct);
                if (await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == entry.Id, ct)) return false;
                db.LedgerEntries.Add(new LedgerEntry
                {
                    MakerId = entry.MakerId, Kind = LedgerEntryKind.PayoutReversal, Amount = entry.Amount, OccurredAt = clock.GetUtcNow(),
                    ReversesEntryId = entry.Id, PayoutId = payoutId, RecordedById = recordedBy, Note = note,
                });
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false; // the unique key held where the lock was bypassed
        }
    }

    async Task<Money> ReversedAsync(long creditId, CancellationToken ct) =>
        new(await db.LedgerEntries.Where(e => e.ReversesEntryId == creditId && e.Kind == LedgerEntryKind.Reversal).SumAsync(e => e.Amount.Amount, ct));

    /// <summary>Runs in the caller's transaction, or in one of its own committed at the end.</summary>
    async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }

    async Task<Money> BalanceQuery(int makerId, CancellationToken ct) => (await LedgerTotals.OfAsync(db, makerId, ct)).Net;
}
