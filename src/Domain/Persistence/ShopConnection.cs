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
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ToString();
    }
}
