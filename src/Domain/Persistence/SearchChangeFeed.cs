using Microsoft.EntityFrameworkCore.Migrations;

namespace PasKreatif.Persistence;

/// <summary>
/// The database notes which listings changed what search reads (on sale or not, words, units sold), with the
/// writing transaction's id, whichever code path wrote (the shop, a COPY, psql): the in-memory word index of
/// each shop instance reads the notes since the oldest transaction still running at its last look.
/// A TRUNCATE notes listing 0: every instance reloads.
/// </summary>
public static class SearchChangeFeed
{
    public const string Table = "ListingSearchChanges";

    /// <summary>Notes older than this are pruned; an index that has not looked for half of it reloads instead.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    public static void Up(MigrationBuilder migration) =>
        migration.Sql($$"""
            CREATE TABLE "{{Table}}" (
                "Xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
                "ListingId" integer NOT NULL,
                "Words" boolean NOT NULL,
                "At" timestamp with time zone NOT NULL DEFAULT now());
            CREATE INDEX "IX_{{Table}}_Xid" ON "{{Table}}" ("Xid");
            CREATE INDEX "IX_{{Table}}_At" ON "{{Table}}" ("At");

            CREATE OR REPLACE FUNCTION listing_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    INSERT INTO "{{Table}}" ("ListingId", "Words")
                    SELECT n."Id", o."Status" IS DISTINCT FROM n."Status" OR o."SearchVector" IS DISTINCT FROM n."SearchVector"
                    FROM changed_new n JOIN changed_old o ON o."Id" = n."Id"
                    WHERE o."Status" IS DISTINCT FROM n."Status" OR o."SearchVector" IS DISTINCT FROM n."SearchVector"
                       OR o."UnitsSold" IS DISTINCT FROM n."UnitsSold";
                ELSIF TG_OP = 'INSERT' THEN
                    INSERT INTO "{{Table}}" ("ListingId", "Words") SELECT n."Id", true FROM changed_new n WHERE n."Status" = 'Approved';
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO "{{Table}}" ("ListingId", "Words") SELECT o."Id", true FROM changed_old o WHERE o."Status" = 'Approved';
                ELSE
                    INSERT INTO "{{Table}}" ("ListingId", "Words") VALUES (0, true);
                END IF;
                RETURN NULL;
            END $$;

            -- Once per statement: a COPY or a bulk update notes its rows in one insert.
            CREATE TRIGGER "Listings_search_changed_update" AFTER UPDATE ON "Listings"
                REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION listing_search_changed();
            CREATE TRIGGER "Listings_search_changed_insert" AFTER INSERT ON "Listings"
                REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION listing_search_changed();
            CREATE TRIGGER "Listings_search_changed_delete" AFTER DELETE ON "Listings"
                REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION listing_search_changed();
            CREATE TRIGGER "Listings_search_changed_truncate" AFTER TRUNCATE ON "Listings"
                FOR EACH STATEMENT EXECUTE FUNCTION listing_search_changed();
            """);

    public static void Down(MigrationBuilder migration) =>
        migration.Sql($"""
            DROP TRIGGER IF EXISTS "Listings_search_changed_update" ON "Listings";
            DROP TRIGGER IF EXISTS "Listings_search_changed_insert" ON "Listings";
            DROP TRIGGER IF EXISTS "Listings_search_changed_delete" ON "Listings";
            DROP TRIGGER IF EXISTS "Listings_search_changed_truncate" ON "Listings";
            DROP FUNCTION IF EXISTS listing_search_changed();
            DROP TABLE IF EXISTS "{Table}";
            """);
}
