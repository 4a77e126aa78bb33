using Microsoft.EntityFrameworkCore.Migrations;

namespace PasKreatif.Persistence;

/// <summary>
/// The database keeps <see cref="Ledger.LedgerMonth"/> itself: every statement that inserts ledger entries (the shop,
/// a COPY, psql) adds them to their month's sums in the same transaction, and moving a maker to another group, an
/// office to another zone, a group to another office or a listing to another programme recounts the makers concerned.
/// Called from the migration that adds the table, which also fills it from the entries already written.
/// </summary>
public static class LedgerMonths
{
    /// <summary>Sums the entries of <paramref name="entries"/> (a table or a trigger's transition table) into their months.</summary>
    static string AddFrom(string entries) => $"""
        INSERT INTO "LedgerMonths" AS t ("MakerId", "Month", "ProgrammeId", "Kind", "Amount", "Entries")
        SELECT e."MakerId", date_trunc('month', (e."OccurredAt" AT TIME ZONE 'UTC') + ledger_zone_offset(o."Zone"))::date,
               li."ProgrammeId", e."Kind", sum(e."Amount"), count(*)
        FROM {entries} e
        JOIN "Makers" m ON m."Id" = e."MakerId"
        JOIN "Groups" g ON g."Id" = m."HomeGroupId"
        JOIN "Offices" o ON o."Id" = g."OfficeId"
        LEFT JOIN "OrderLines" l ON l."Id" = e."OrderLineId"
        LEFT JOIN "Listings" li ON li."Id" = l."ListingId"
        GROUP BY 1, 2, 3, 4
        ON CONFLICT ("MakerId", "Month", "ProgrammeId", "Kind")
        DO UPDATE SET "Amount" = t."Amount" + EXCLUDED."Amount", "Entries" = t."Entries" + EXCLUDED."Entries"
        """;

    const string EntriesOfMakers = """(SELECT * FROM "LedgerEntries" WHERE "MakerId" = ANY(makers))""";

    public static void Up(MigrationBuilder migration)
    {
        // The zones' offsets as Organisation's IndonesianZone spells them, written out as a migration writes its columns (no daylight saving).
        var offsets = string.Join(" ", Zones.Select(z => $"WHEN '{z.Name}' THEN interval '{z.Hours} hours'"));
        migration.Sql($"""
            CREATE OR REPLACE FUNCTION ledger_zone_offset(zone text) RETURNS interval IMMUTABLE LANGUAGE sql AS $$
                SELECT CASE zone {offsets} END
            $$;
            """);
        migration.Sql($"""
            CREATE OR REPLACE FUNCTION ledger_months_added() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {AddFrom("added")};
                RETURN NULL;
            END $$;
            """);
        migration.Sql($"""
            CREATE OR REPLACE FUNCTION ledger_months_recount(makers int[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM "LedgerMonths" WHERE "MakerId" = ANY(makers);
                {AddFrom(EntriesOfMakers)};
            END $$;
            """);
        migration.Sql("""
            CREATE OR REPLACE FUNCTION ledger_months_moved() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'Makers' THEN PERFORM ledger_months_recount(ARRAY[NEW."Id"]);
                ELSIF TG_TABLE_NAME = 'Listings' THEN PERFORM ledger_months_recount(ARRAY[NEW."MakerId"]);
                ELSIF TG_TABLE_NAME = 'Groups' THEN PERFORM ledger_months_recount(ARRAY(SELECT "Id" FROM "Makers" WHERE "HomeGroupId" = NEW."Id"));
                ELSE PERFORM ledger_months_recount(ARRAY(SELECT m."Id" FROM "Makers" m JOIN "Groups" g ON g."Id" = m."HomeGroupId" WHERE g."OfficeId" = NEW."Id"));
                END IF;
                RETURN NULL;
            END $$;
            """);
        migration.Sql("""CREATE TRIGGER "LedgerEntries_months" AFTER INSERT ON "LedgerEntries" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger_months_added();""");
        foreach (var (table, column) in Moves)
            migration.Sql($"""
                CREATE TRIGGER "{table}_ledger_months" AFTER UPDATE OF "{column}" ON "{table}"
                FOR EACH ROW WHEN (OLD."{column}" IS DISTINCT FROM NEW."{column}") EXECUTE FUNCTION ledger_months_moved();
                """);
        migration.Sql(AddFrom("\"LedgerEntries\"") + ";");
    }

    internal static readonly (string Name, int Hours)[] Zones = [("WIB", 7), ("WITA", 8), ("WIT", 9)];

    /// <summary>The columns whose change moves a maker's entries to other months or programmes.</summary>
    static readonly (string Table, string Column)[] Moves = [("Makers", "HomeGroupId"), ("Listings", "ProgrammeId"), ("Groups", "OfficeId"), ("Offices", "Zone")];

    public static void Down(MigrationBuilder migration)
    {
        migration.Sql("""DROP TRIGGER IF EXISTS "LedgerEntries_months" ON "LedgerEntries";""");
        foreach (var (table, _) in Moves) migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_ledger_months" ON "{table}";""");
        migration.Sql("DROP FUNCTION IF EXISTS ledger_months_moved(); DROP FUNCTION IF EXISTS ledger_months_recount(int[]); DROP FUNCTION IF EXISTS ledger_months_added(); DROP FUNCTION IF EXISTS ledger_zone_offset(text);");
    }
}
