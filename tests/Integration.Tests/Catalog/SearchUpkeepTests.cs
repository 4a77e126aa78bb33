using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>The database keeps the search document and the word list current, whichever path wrote the change.</summary>
public class SearchUpkeepTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    async Task<List<string>> TitlesAsync(string query)
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CatalogSearch>().SearchAsync(query);
        return result.Hits.Select(h => h.Card.Title).ToList();
    }

    [Fact]
    public async Task An_edited_title_is_found_by_its_new_words_at_once()
    {
        var listing = await factory.AddListingAsync("Taplak Meja Renda", 40_000, StandardCategories.Sewing);
        await using (var db = factory.OpenDb())
        {
            var row = await db.Listings.SingleAsync(l => l.Id == listing.Id);
            row.Title = "Taplak Meja Sulaman Zamrud";
            await db.SaveChangesAsync();
        }
        Assert.Contains("Taplak Meja Sulaman Zamrud", await TitlesAsync("zamrud"));
        Assert.Contains("Taplak Meja Sulaman Zamrud", await TitlesAsync("zamrd"));
        Assert.DoesNotContain("Taplak Meja Sulaman Zamrud", await TitlesAsync("renda"));
    }

    [Fact]
    public async Task Renaming_a_category_or_programme_renews_the_documents_of_its_goods()
    {
        var listing = await factory.AddListingAsync("Wadah Serbaguna Oranye", 30_000, StandardCategories.Welding);
        await using var db = factory.OpenDb();
        var category = await db.Categories.SingleAsync(c => c.Slug == StandardCategories.Welding);
        category.NameEn = "Ironwork and metalcraft";
        await db.SaveChangesAsync();
        Assert.Contains("Wadah Serbaguna Oranye", await TitlesAsync("metalcraft"));

        var programme = await db.Programmes.SingleAsync(p => p.Id == listing.ProgrammeId);
        programme.Name = "Pelatihan Gerabah Kintamani";
        await db.SaveChangesAsync();
        Assert.Contains("Wadah Serbaguna Oranye", await TitlesAsync("gerabah"));
    }

    [Fact]
    public async Task Words_of_goods_not_on_sale_never_become_corrections()
    {
        await factory.AddListingAsync("Kendi Tanah Liat Xilofonik", 30_000, StandardCategories.Handicrafts, l => l.Status = ListingStatus.Draft);
        await using var db = factory.OpenDb();
        Assert.False(await db.SearchTerms.AnyAsync(t => t.Term == "xilofonik"));
        Assert.Empty(await TitlesAsync("xilofonik"));

        await factory.AddListingAsync("Kendi Tanah Liat Marimbanik", 30_000, StandardCategories.Handicrafts);
        Assert.True(await db.SearchTerms.AnyAsync(t => t.Term == "marimbanik"));
    }

    [Fact]
    public async Task At_scale_search_reads_the_search_index_and_the_word_list_index_never_the_whole_table()
    {
        await using var db = factory.OpenDb();
        // 6,000 more listings on sale and their words, so the planner weighs a table that is not tiny.
        var columns = await db.Database.SqlQueryRaw<string>(
            """SELECT quote_ident(column_name) AS "Value" FROM information_schema.columns WHERE table_name = 'Listings' AND column_name NOT IN ('Id', 'SearchVector', 'Slug', 'Title')""")
            .ToListAsync();
        var list = string.Join(", ", columns);
        var insert = $"""
            INSERT INTO "Listings" ({list}, "Slug", "Title")
            SELECT {list}, "Slug" || '-skala-' || g, 'Barang Skala ' || substr(md5(g::text), 1, 8)
            FROM (SELECT * FROM "Listings" WHERE "Status" = 'Approved' LIMIT 1) l, generate_series(1, 6000) g;
            ANALYZE "Listings"; ANALYZE "SearchTerms";
            """;
        await db.Database.ExecuteSqlRawAsync(insert);
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        async Task<string> PlanAsync(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand("EXPLAIN " + sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            return string.Join("\n", lines);
        }

        var goods = await PlanAsync("""
            SELECT "Id" FROM "Listings" WHERE "Status" = 'Approved'
            AND "SearchVector" @@ (to_tsquery('simple', 'kerajinan') || to_tsquery('indonesian', 'kerajinan'))
            """);
        Assert.True(goods.Contains("IX_Listings_OnSale_Search") && !goods.Contains("Seq Scan"), goods);
        var typo = await PlanAsync("""SELECT "Term" FROM "SearchTerms" ORDER BY "Term" <-> 'kerajnan' LIMIT 2""");
        Assert.True(typo.Contains("IX_SearchTerms_Trigram") && !typo.Contains("Seq Scan"), typo);
    }
}
