using Npgsql;

namespace PasKreatif.Persistence;

/// <summary>How the shop talks to PostgreSQL, unless the connection string says otherwise.</summary>
public static class ShopConnection
{
    /// <summary>Statements kept prepared per connection; the shop sends a few dozen shapes again and again.</summary>
    public const int PreparedStatements = 256;

    /// <summary>
    /// Npgsql prepares a statement once it has been sent twice on a connection: a first-visit product
    /// page then costs the execution of its queries, not their planning (which cost more than running them).
    /// A connection goes back to the pool as it is.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }
        // The shop sets no session state (LISTEN has its own unpooled connection), so resetting a connection on its
        // way back to the pool (seven statements parsed with the next command) cost a quarter of PostgreSQL's CPU per product page.
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ToString();
    }

    /// <summary>
    /// Hangfire's connections, tuned as the shop's: it too sets no session state (its one LISTEN is for long polling,
    /// which the shop leaves off), and a mail enqueued per order cost two resets and five statements planned afresh.
    /// They keep their own pool, named apart in pg_stat_activity, so its workers never wait on page reads or the reverse.
    /// </summary>
    public static string ForJobs(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(Tuned(connectionString));
        builder.ApplicationName = builder.ApplicationName is { Length: > 0 } name ? name + " jobs" : "pk-jobs";
        return builder.ToString();
    }
}
