using Microsoft.EntityFrameworkCore;
using Npgsql;
using PasKreatif.Ledger;
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
