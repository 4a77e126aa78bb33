using Microsoft.EntityFrameworkCore.Migrations;

namespace PasKreatif.Persistence;

/// <summary>
/// Ledger rows and payouts are never edited or deleted, by the database's own refusal: a trigger
/// raises on UPDATE, DELETE and TRUNCATE, whoever connects. Called from the migration that adds it;
/// a correction is always a new row.
/// </summary>
public static class LedgerAppendOnly
{
    public const string Message = "append-only";

    static readonly string[] Tables = ["LedgerEntries", "Payouts"];

    public static void Up(MigrationBuilder migration)
    {
        migration.Sql($"""
            CREATE OR REPLACE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is {Message}: % refused; record a correcting entry instead', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'restrict_violation';
            END $$;
            """);
        foreach (var table in Tables)
        {
            migration.Sql($"""CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();""");
            migration.Sql($"""CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();""");
        }
    }

    public static void Down(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}";""");
            migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";""");
        }
        migration.Sql("DROP FUNCTION IF EXISTS refuse_ledger_change();");
    }

    /// <summary>Parts of orders paid before parts knew their own payment: the order's payment paid them all.</summary>
    public static void BackfillPaidParts(MigrationBuilder migration) =>
        migration.Sql("""
            UPDATE "Fulfilments" f SET "PaidAt" = o."PaidAt"
            FROM "Orders" o WHERE f."OrderId" = o."Id" AND o."PaidAt" IS NOT NULL AND f."PaidAt" IS NULL AND f."Status" <> 'Cancelled';
            """);
}
