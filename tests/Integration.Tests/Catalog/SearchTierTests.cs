using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>6,000 more listings on sale with words spread over popular and unpopular goods, once per class.</summary>
public sealed class SearchTierFactory : CatalogFactory
{
    Task? seeded;

    public Task SeedAsync() => seeded ??= SeedOnceAsync();

    // "lumbung": every listing, in the title of half and the description of the other half; "jingga": a third;
    // "kelabu": a tenth; "pucat": 1,200 of the least popular only. Units sold spread 0..499 with ties.
    Task SeedOnceAsync() => AddCopiesAsync(6000, "'tingkat-' || g",
        """
        'Barang ' || CASE WHEN g % 2 = 0 THEN 'Lumbung ' ELSE '' END || CASE WHEN g % 3 = 0 THEN 'Jingga ' ELSE '' END
            || CASE WHEN g % 10 = 0 THEN 'Kelabu ' ELSE '' END || CASE WHEN (g * 7919) % 500 < 100 THEN 'Pucat ' ELSE '' END
            || substr(md5(g::text), 1, 6)
        """,
        "CASE WHEN g % 2 = 1 THEN 'Dari lumbung desa.' ELSE 'Karya buatan tangan.' END", "(g * 7919) % 500");

    /// <summary>Copies of a listing on sale, g = 1..count, with slug, title, description and units sold as SQL over g.</summary>
    public async Task AddCopiesAsync(int count, string slug, string title, string description, string unitsSold)
    {
        await using var db = OpenDb();
        var columns = await db.Database.SqlQueryRaw<string>(
            """
            SELECT quote_ident(column_name) AS "Value" FROM information_schema.columns
            WHERE table_name = 'Listings' AND column_name NOT IN ('Id', 'SearchVector', 'Slug', 'Title', 'Description', 'UnitsSold')
            """).ToListAsync();
        var list = string.Join(", ", columns);
        var insert = $"""
            INSERT INTO "Listings" ({list}, "Slug", "Title", "Description", "UnitsSold")
            SELECT {list}, {slug}, {title}, {description}, {unitsSold}
            FROM (SELECT * FROM "Listings" WHERE "Status" = 'Approved' LIMIT 1) l, generate_series(1, {count}) g;
            ANALYZE "Listings";
            """;
        await db.Database.ExecuteSqlRawAsync(insert);
    }
}

/// <summary>
/// Past a thousand matches the search looks for the goods a buyer can page through among the most popular
/// goods first: the pages must be exactly those of ranking the most popular of every match.
/// </summary>
public class SearchTierTests(SearchTierFactory factory) : IClassFixture<SearchTierFactory>
{
    async Task<SearchResult> SearchAsync(string query, int page)
    {
        await factory.SeedAsync();
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogSearch>().SearchAsync(query, page);
    }

    /// <summary>The same page by the plain rule: the most popular matches, ranked by weight, then popularity.</summary>
    async Task<List<int>> ExpectedAsync(string word, int page)
    {
        await using var db = factory.OpenDb();
        return await db.Database.SqlQueryRaw<int>(
            """
            WITH q AS (SELECT to_tsquery('simple', {0}) || to_tsquery('indonesian', {0}) || to_tsquery('english', {0}) AS t),
            c AS (SELECT l."Id", l."UnitsSold", l."SearchVector" AS v FROM "Listings" l, q
                  WHERE l."Status" = 'Approved' AND l."SearchVector" @@ q.t ORDER BY l."UnitsSold" DESC, l."Id" DESC LIMIT {1})
            SELECT c."Id" AS "Value" FROM c, q ORDER BY ts_rank(c.v, q.t) DESC, c."UnitsSold" DESC, c."Id" LIMIT {2} OFFSET {3}
            """, word, CatalogSearch.PageSize * CatalogSearch.MaxPages, CatalogSearch.PageSize, (page - 1) * CatalogSearch.PageSize).ToListAsync();
    }

    async Task<int> MatchesAsync(string word)
    {
        await using var db = factory.OpenDb();
        return await db.Database.SqlQueryRaw<int>(
            """
            SELECT count(*)::int AS "Value" FROM "Listings"
            WHERE "Status" = 'Approved' AND "SearchVector" @@ (to_tsquery('simple', {0}) || to_tsquery('indonesian', {0}) || to_tsquery('english', {0}))
            """, word).SingleAsync();
    }

    [Theory]
    [InlineData("lumbung")] // the first tier holds enough
    [InlineData("jingga")] // the second does
    [InlineData("pucat")] // none does: every match is ranked
    [InlineData("kelabu")] // under a thousand: counted and ranked whole
    public async Task Every_page_is_the_page_of_ranking_the_most_popular_matches(string word)
    {
        foreach (var page in new[] { 1, 2, CatalogSearch.MaxPages })
        {
            var result = await SearchAsync(word, page);
            Assert.Equal(await ExpectedAsync(word, page), result.Hits.Select(h => h.Card.Id).ToList());
        }
    }

    [Fact]
    public async Task Tier_bounds_read_before_new_best_sellers_arrived_give_the_same_pages()
    {
        await factory.SeedAsync();
        // The bounds are kept for a minute: the first search reads them, the second uses them after the change.
        Assert.Equal(await ExpectedAsync("jingga", 1), (await SearchAsync("jingga", 1)).Hits.Select(h => h.Card.Id).ToList());
        // 700 new goods selling more than any before: the most popular thousand are no longer the ones the bounds were read from.
        await factory.AddCopiesAsync(700, "'laris-' || g", "'Barang Jingga Laris ' || substr(md5(g::text), 1, 6)", "'Karya baru.'", "1000 + g % 50");
        foreach (var page in new[] { 1, 2, CatalogSearch.MaxPages })
            Assert.Equal(await ExpectedAsync("jingga", page), (await SearchAsync("jingga", page)).Hits.Select(h => h.Card.Id).ToList());
    }

    [Fact]
    public async Task Words_in_titles_rank_above_words_in_descriptions_among_the_popular()
    {
        var result = await SearchAsync("lumbung", 1);
        Assert.All(result.Hits, h => Assert.Contains("Lumbung", h.Card.Title));
    }

    [Fact]
    public async Task Up_to_a_thousand_matches_are_counted_exactly_and_past_it_the_count_says_more()
    {
        var kelabu = await SearchAsync("kelabu", 1);
        Assert.Equal(await MatchesAsync("kelabu"), kelabu.Total);
        Assert.False(kelabu.CountedPast);

        var lumbung = await SearchAsync("lumbung", 1);
        Assert.True(await MatchesAsync("lumbung") > CatalogSearch.CountLimit);
        Assert.True(lumbung.CountedPast);
        Assert.True(lumbung.HasMore);

        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/cari?q=lumbung");
        Assert.Equal("Lebih dari 1.000 karya ditemukan", page.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Equal(CatalogSearch.PageSize, page.QuerySelectorAll(".product-card").Length);
    }
}
