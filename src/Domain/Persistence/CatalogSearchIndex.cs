using Microsoft.EntityFrameworkCore.Migrations;

namespace PasKreatif.Persistence;

/// <summary>
/// The database keeps each listing's search document and the word list current itself: a listing's
/// own insert or edit, and renaming its category or programme, rewrite them in the same transaction,
/// whichever code path (the shop, a COPY, psql) made the change. Called from the migration that adds it.
/// </summary>
/// <remarks>
/// The document holds the title (weight A) in three forms: as typed ('simple'), stemmed Indonesian
/// (-nya, -kan, ber-, di-...) and stemmed English (plurals); the category's names in both languages (B);
/// the programme's name (C); the description, stemmed Indonesian and English (D). The word list holds
/// the words as typed of titles and descriptions on sale and of category and programme names.
/// </remarks>
public static class CatalogSearchIndex
{
    public static void Up(MigrationBuilder migration)
    {
        migration.Sql("""
            CREATE OR REPLACE FUNCTION listing_search_document(title text, description text, category_id int, programme_id int)
            RETURNS tsvector LANGUAGE sql STABLE AS $$
                SELECT setweight(to_tsvector('simple', title) || to_tsvector('indonesian', title) || to_tsvector('english', title), 'A')
                    || setweight(coalesce((SELECT to_tsvector('simple', c."NameId" || ' ' || c."NameEn") || to_tsvector('indonesian', c."NameId")
                                                  || to_tsvector('english', c."NameEn")
                                           FROM "Categories" c WHERE c."Id" = category_id), ''::tsvector), 'B')
                    || setweight(coalesce((SELECT to_tsvector('simple', p."Name") || to_tsvector('indonesian', p."Name")
                                           FROM "Programmes" p WHERE p."Id" = programme_id), ''::tsvector), 'C')
                    || setweight(to_tsvector('indonesian', coalesce(description, '')) || to_tsvector('english', coalesce(description, '')), 'D')
            $$;

            CREATE OR REPLACE FUNCTION search_terms_add(words text) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "SearchTerms" ("Term")
                SELECT t FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(words, '')))) t
                WHERE t ~ '^[[:alpha:]]{3,64}$'
                ON CONFLICT DO NOTHING
            $$;

            CREATE OR REPLACE FUNCTION listing_search_before() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW."SearchVector" := listing_search_document(NEW."Title", NEW."Description", NEW."CategoryId", NEW."ProgrammeId");
                RETURN NEW;
            END $$;

            CREATE OR REPLACE FUNCTION listing_search_terms_after() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM search_terms_add(NEW."Title" || ' ' || NEW."Description");
                RETURN NULL;
            END $$;

            -- Once per statement, so a COPY of 100,000 listings adds each distinct word once.
            CREATE OR REPLACE FUNCTION listing_search_terms_added() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "SearchTerms" ("Term")
                SELECT DISTINCT t FROM added a, unnest(tsvector_to_array(to_tsvector('simple', a."Title" || ' ' || a."Description"))) t
                WHERE a."Status" = 'Approved' AND t ~ '^[[:alpha:]]{3,64}$'
                ON CONFLICT DO NOTHING;
                RETURN NULL;
            END $$;

            CREATE OR REPLACE FUNCTION category_search_after() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM search_terms_add(NEW."NameId" || ' ' || NEW."NameEn");
                IF TG_OP = 'UPDATE' THEN
                    UPDATE "Listings" SET "SearchVector" = listing_search_document("Title", "Description", "CategoryId", "ProgrammeId")
                    WHERE "CategoryId" = NEW."Id";
                END IF;
                RETURN NULL;
            END $$;

            CREATE OR REPLACE FUNCTION programme_search_after() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM search_terms_add(NEW."Name");
                IF TG_OP = 'UPDATE' THEN
                    UPDATE "Listings" SET "SearchVector" = listing_search_document("Title", "Description", "CategoryId", "ProgrammeId")
                    WHERE "ProgrammeId" = NEW."Id";
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER "Listings_search_document" BEFORE INSERT OR UPDATE OF "Title", "Description", "CategoryId", "ProgrammeId"
                ON "Listings" FOR EACH ROW EXECUTE FUNCTION listing_search_before();
            -- Only words of goods on sale: a draft's words never become a correction.
            CREATE TRIGGER "Listings_search_terms" AFTER UPDATE OF "Title", "Description", "Status"
                ON "Listings" FOR EACH ROW WHEN (NEW."Status" = 'Approved') EXECUTE FUNCTION listing_search_terms_after();
            CREATE TRIGGER "Listings_search_terms_added" AFTER INSERT ON "Listings"
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION listing_search_terms_added();
            CREATE TRIGGER "Categories_search" AFTER INSERT OR UPDATE OF "NameId", "NameEn"
                ON "Categories" FOR EACH ROW EXECUTE FUNCTION category_search_after();
            CREATE TRIGGER "Programmes_search" AFTER INSERT OR UPDATE OF "Name"
                ON "Programmes" FOR EACH ROW EXECUTE FUNCTION programme_search_after();

            UPDATE "Listings" SET "SearchVector" = listing_search_document("Title", "Description", "CategoryId", "ProgrammeId");
            SELECT search_terms_add("Title" || ' ' || "Description") FROM "Listings" WHERE "Status" = 'Approved';
            SELECT search_terms_add("NameId" || ' ' || "NameEn") FROM "Categories";
            SELECT search_terms_add("Name") FROM "Programmes";
            """);
    }

    public static void Down(MigrationBuilder migration) =>
        migration.Sql("""
            DROP TRIGGER IF EXISTS "Listings_search_document" ON "Listings";
            DROP TRIGGER IF EXISTS "Listings_search_terms" ON "Listings";
            DROP TRIGGER IF EXISTS "Listings_search_terms_added" ON "Listings";
            DROP TRIGGER IF EXISTS "Categories_search" ON "Categories";
            DROP TRIGGER IF EXISTS "Programmes_search" ON "Programmes";
            DROP FUNCTION IF EXISTS listing_search_before(), listing_search_terms_after(), listing_search_terms_added(), category_search_after(), programme_search_after(),
                search_terms_add(text), listing_search_document(text, text, int, int);
            """);
}
