using Microsoft.EntityFrameworkCore;
using Npgsql;
using PasKreatif.Independence;
using PasKreatif.Ledger;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// What every rupiah must satisfy when a test class ends, whatever the class did: for every maker,
/// credits − reversals − payouts + payout corrections equals the balance the shop shows (or the amount
/// owed when negative), and the pieces behind it agree (each payout in the ledger once, no credit
/// reversed beyond itself, no payment refunded beyond what it took, no line refunded beyond its units).
/// </summary>
public static class LedgerInvariant
{
    public sealed class BrokenException(string problems) : Exception("The money does not add up:\n" + problems);

    public static async Task AssertHoldsAsync(string connectionString)
    {
        var problems = await ProblemsAsync(connectionString);
        if (problems.Count > 0) throw new BrokenException(string.Join("\n", problems));
    }

    public static async Task<List<string>> ProblemsAsync(string connectionString)
    {
        var problems = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var sums = await RowsAsync(connection, """
            SELECT "MakerId", "Kind", SUM("Amount") FROM "LedgerEntries" GROUP BY "MakerId", "Kind"
            """, r => (Maker: r.GetInt32(0), Kind: r.GetString(1), Sum: r.GetDecimal(2)));
        await using (var db = new MarketplaceDb(new DbContextOptionsBuilder<MarketplaceDb>().UseNpgsql(connectionString).Options))
        {
            var ledger = new RevenueLedger(db, TimeProvider.System);
            foreach (var maker in sums.Select(s => s.Maker).Distinct().Order())
            {
                decimal Of(string kind) => sums.Where(s => s.Maker == maker && s.Kind == kind).Sum(s => s.Sum);
                var net = Of("Credit") - Of("Reversal") - Of("Payout") + Of("PayoutReversal");
                var shown = await ledger.StandingAsync(maker);
                var expected = new LedgerBalance(new Money(net));
                if (shown.Available != expected.Available || shown.Owed != expected.Owed)
                    problems.Add($"maker {maker}: credits − reversals − payouts + corrections = {net}, the shop shows {shown.Available} (owed {shown.Owed})");
            }
        }

        problems.AddRange(await RowsAsync(connection, """
            SELECT p."Id", p."Amount", COALESCE(SUM(e."Amount"), 0), COUNT(e."Id") FROM "Payouts" p
            LEFT JOIN "LedgerEntries" e ON e."PayoutId" = p."Id" AND e."Kind" = 'Payout'
            GROUP BY p."Id", p."Amount" HAVING COUNT(e."Id") <> 1 OR COALESCE(SUM(e."Amount"), 0) <> p."Amount"
            """, r => $"payout {r.GetInt32(0)} of {r.GetDecimal(1)} is in the ledger {r.GetInt64(3)} times for {r.GetDecimal(2)}"));
        problems.AddRange(await RowsAsync(connection, """
            SELECT c."Id", c."Amount", SUM(r."Amount") FROM "LedgerEntries" c
            JOIN "LedgerEntries" r ON r."ReversesEntryId" = c."Id"
            GROUP BY c."Id", c."Amount" HAVING SUM(r."Amount") > c."Amount" OR COUNT(*) FILTER (WHERE r."Kind" = 'PayoutReversal') > 1
            """, r => $"entry {r.GetInt64(0)} of {r.GetDecimal(1)} is reversed for {r.GetDecimal(2)}"));
        problems.AddRange(await RowsAsync(connection, """
            SELECT p."Id", p."Amount", p."Refunded", COALESCE(SUM(f."Amount") FILTER (WHERE f."Status" = 'Sent'), 0) FROM "Payments" p
            JOIN "Refunds" f ON f."PaymentId" = p."Id"
            GROUP BY p."Id", p."Amount", p."Refunded"
            HAVING p."Refunded" > p."Amount" OR p."Refunded" <> COALESCE(SUM(f."Amount") FILTER (WHERE f."Status" = 'Sent'), 0) OR SUM(f."Amount") > p."Amount"
            """, r => $"payment {r.GetInt32(0)} of {r.GetDecimal(1)} counts {r.GetDecimal(2)} refunded, its sent refunds {r.GetDecimal(3)}"));
        problems.AddRange(await RowsAsync(connection, """
            SELECT l."Id", l."Quantity", SUM(rl."Quantity") FROM "OrderLines" l JOIN "RefundLines" rl ON rl."OrderLineId" = l."Id"
            GROUP BY l."Id", l."Quantity" HAVING SUM(rl."Quantity") > l."Quantity"
            """, r => $"order line {r.GetInt32(0)} of {r.GetInt32(1)} units has {r.GetInt64(2)} refunded"));
        problems.AddRange(await MonthProblemsAsync(connection));
        return problems;
    }

    /// <summary>
    /// The months' sums the database keeps (LedgerMonths) against the entries themselves, grouped here by the maker, the
    /// month in their home office's zone (the shop's calendar rule), the listing's programme and the kind.
    /// </summary>
    static async Task<List<string>> MonthProblemsAsync(NpgsqlConnection connection)
    {
        var entries = await RowsAsync(connection, """
            SELECT e."MakerId", e."OccurredAt", o."Zone", li."ProgrammeId", e."Kind", e."Amount" FROM "LedgerEntries" e
            JOIN "Makers" m ON m."Id" = e."MakerId" JOIN "Groups" g ON g."Id" = m."HomeGroupId" JOIN "Offices" o ON o."Id" = g."OfficeId"
            LEFT JOIN "OrderLines" l ON l."Id" = e."OrderLineId" LEFT JOIN "Listings" li ON li."Id" = l."ListingId"
            """, r => (Key: (Maker: r.GetInt32(0), Month: MakerCalendar.MonthOf(r.GetFieldValue<DateTimeOffset>(1), Enum.Parse<IndonesianZone>(r.GetString(2))),
                Programme: r.IsDBNull(3) ? (int?)null : r.GetInt32(3), Kind: r.GetString(4)), Amount: r.GetDecimal(5)));
        var expected = entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => (Amount: g.Sum(e => e.Amount), Entries: g.Count()));
        var kept = await RowsAsync(connection, """SELECT "MakerId", "Month", "ProgrammeId", "Kind", "Amount", "Entries" FROM "LedgerMonths" """,
            r => (Key: (Maker: r.GetInt32(0), Month: r.GetFieldValue<DateOnly>(1), Programme: r.IsDBNull(2) ? (int?)null : r.GetInt32(2), Kind: r.GetString(3)),
                Amount: r.GetDecimal(4), Entries: r.GetInt32(5)));
        var problems = kept.Where(k => !expected.TryGetValue(k.Key, out var e) || e != (k.Amount, k.Entries))
            .Select(k => $"the month sum {k.Key} holds {k.Amount} in {k.Entries} entries, the entries add up to {expected.GetValueOrDefault(k.Key)}").ToList();
        var keys = kept.Select(k => k.Key).ToHashSet();
        problems.AddRange(expected.Where(e => !keys.Contains(e.Key)).Select(e => $"the month sum {e.Key} is missing, its entries add up to {e.Value}"));
        return problems;
    }

    static async Task<List<T>> RowsAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
