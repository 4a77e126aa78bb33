using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>A piece of a highlighted title: plain text, or a word that matched the search.</summary>
public sealed record TextPart(string Text, bool Matched);

public sealed record SearchHit(ListingCard Card, IReadOnlyList<TextPart> Highlight);

/// <param name="Total">How many listings match, over all pages, counted up to one past <see cref="CatalogSearch.CountLimit"/>.</param>
/// <param name="DidYouMean">The query with its unknown words corrected, when only the corrected words found goods.</param>
public sealed record SearchResult(string Query, IReadOnlyList<SearchHit> Hits, int Page, bool HasMore, int Total, string? DidYouMean)
{
    public static readonly SearchResult Empty = new("", [], 1, false, 0, null);

    /// <summary>More goods match than the search counts: <see cref="Total"/> is then a lower bound.</summary>
    public bool CountedPast => Total > CatalogSearch.CountLimit;
}

/// <summary>
/// Full-text search over a document the database keeps per listing (title, category names in both
/// languages, programme, description; see CatalogSearchIndex), answered by a GIN index over the goods on
/// sale and their units sold. Matches are counted up to a thousand; past that the page shows the most
/// popular found tier by tier among the most popular goods, so a common word costs hundreds of rows. A
/// word the shop does not know is matched to its nearest known words by trigram likeness over the word
/// list (thousands of words, not every title), so a typo costs one small lookup. Every word must
/// match (as typed, stemmed, corrected, or as the start of a word for the last one); only when that finds
/// less than a page, listings matching any word follow. Goods matching the words as typed or stemmed
/// rank above those matching only a correction, then by weight (title, category, programme, description).
/// </summary>
public sealed class CatalogSearch(MarketplaceDb db, PopularityTiers tiers)
{
    public const int PageSize = 24;
    public const int MaxPages = 20;
    /// <summary>How alike (pg_trgm similarity) a known word must be to stand in for an unknown one.</summary>
    public const double TypoSimilarity = 0.4;
    const int Corrections = 2;
    /// <summary>Matches are counted up to here; past it the page says "more than" (counting every one read every one).</summary>
    public const int CountLimit = 1000;
    // Private-use characters mark matches; they cannot come from a buyer's or maker's words after cleaning.
    const char Start = '\uE000', Stop = '\uE001';

    public async Task<SearchResult> SearchAsync(string? text, int page = 1, CancellationToken ct = default)
    {
        var words = Words(text);
        var query = string.Join(' ', words);
        page = Math.Clamp(page, 1, MaxPages);
        if (words.Count == 0) return SearchResult.Empty;

        var (corrections, known) = await CorrectionsAsync(words, ct);
        var plan = new SearchPlan(words, corrections, known);
        // With several words, listings matching any word stand in when every word finds less than a page.
        var fallbackBelow = words.Count < 2 ? 0 : page == 1 ? PageSize : 1;
        var rows = await RowsAsync(plan, fallbackBelow, page, ct);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        // Every word found goods only once corrected: say which words they were.
        var correctedOnly = rows.Count > 0 && (rows[0].Loose ? rows[0].EveryTotal > 0 && !rows[0].EveryStrict : !rows.Any(r => r.Strict));
        var didYouMean = correctedOnly && plan.Corrected != query ? plan.Corrected : null;
        var hits = rows.Select(r => new SearchHit(r.Card(), Parts(r.Headline))).ToList();
        return new SearchResult(query, hits, page, page * PageSize < total && page < MaxPages, total, didYouMean);
    }

    /// <summary>Near known words for each word the shop does not know, best first; and which words it knows.</summary>
    async Task<(Dictionary<string, List<string>> Corrections, HashSet<string> Known)> CorrectionsAsync(List<string> words, CancellationToken ct)
    {
        // Nearest first by the trigram index (a KNN walk of the word list); a word already known needs none.
        var found = await db.Database.SqlQueryRaw<CorrectionRow>(
            """
            SELECT w.word AS "Word", t."Term" AS "Term", EXISTS (SELECT 1 FROM "SearchTerms" k WHERE k."Term" = w.word) AS "Known"
            FROM unnest(@words) WITH ORDINALITY AS w(word, n)
            CROSS JOIN LATERAL (
                SELECT s."Term", similarity(s."Term", w.word) AS likeness FROM "SearchTerms" s
                ORDER BY s."Term" <-> w.word LIMIT @count) t
            WHERE t.likeness >= @likeness
            ORDER BY w.n, t.likeness DESC, t."Term"
            """,
            new NpgsqlParameter("words", words.ToArray()), new NpgsqlParameter("likeness", TypoSimilarity),
            new NpgsqlParameter("count", Corrections)).ToListAsync(ct);
        var known = found.Where(f => f.Known).Select(f => f.Word).ToHashSet();
        return (found.Where(f => !f.Known).GroupBy(f => f.Word).ToDictionary(g => g.Key, g => g.Select(f => f.Term).ToList()), known);
    }

    /// <summary>The whole search, fallback included, in one statement: the second round trip of a search.</summary>
    async Task<List<HitRow>> RowsAsync(SearchPlan plan, int fallbackBelow, int page, CancellationToken ct)
    {
        var parameters = plan.Parameters();
        parameters.Add(new NpgsqlParameter("take", PageSize));
        parameters.Add(new NpgsqlParameter("skip", (page - 1) * PageSize));
        parameters.Add(new NpgsqlParameter("ranked", PageSize * MaxPages));
        parameters.Add(new NpgsqlParameter("below", fallbackBelow));
        parameters.Add(new NpgsqlParameter("counted", CountLimit + 1));
        parameters.Add(new NpgsqlParameter("marks", $"StartSel={Start}, StopSel={Stop}, HighlightAll=true"));
        var bounds = await tiers.UnitsSoldAsync(db, ct);
        for (var i = 0; i < bounds.Length; i++)
            parameters.Add(new NpgsqlParameter("tier" + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Integer) { Value = (object?)bounds[i] ?? DBNull.Value });
        return await db.Database.SqlQueryRaw<HitRow>(SearchPlan.Sql, parameters.ToArray()).ToListAsync(ct);
    }

    /// <summary>One search's words, corrections and unfinished word, as parameters of one statement text.</summary>
    /// <remarks>
    /// The text is the same for every search, whatever its words: the shop prepares it once per connection and
    /// PostgreSQL plans it once, where a text per number of words and corrections was planned on nearly every search.
    /// The queries sit in a materialized row read by scalar subqueries, so the planner sees no word and
    /// always takes the GIN index (a constant query for a common word made it read every title). Only the
    /// most popular matches, as many as the pages a buyer can reach, are ranked: ranking reads each
    /// listing's whole document, and a word on a sixth of the catalogue made that the cost of the page.
    /// </remarks>
    sealed class SearchPlan(List<string> words, Dictionary<string, List<string>> corrections, HashSet<string> known)
    {
        public string Corrected { get; } = string.Join(' ', words.Select(w => corrections.TryGetValue(w, out var c) ? c[0] : w));

        public List<NpgsqlParameter> Parameters()
        {
            string? Fix(string word, int n) => corrections.GetValueOrDefault(word) is { } c && c.Count > n ? c[n] : null;
            var highlight = words.SelectMany(w => (corrections.GetValueOrDefault(w) ?? []).Prepend(w));
            var last = words[^1];
            // The last word may be one the buyer has not finished typing, unless it is a word the shop knows:
            // a prefix makes the index gather every match before it can skip to the popular ones.
            var prefix = last.Length >= 3 && !known.Contains(last) ? last + ":*" : null;
            return
            [
                new("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words.ToArray() },
                new("fix1", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words.Select(w => Fix(w, 0)).ToArray() },
                new("fix2", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words.Select(w => Fix(w, 1)).ToArray() },
                new("prefix", NpgsqlDbType.Text) { Value = (object?)prefix ?? DBNull.Value },
                new("marked", NpgsqlDbType.Text) { Value = string.Join(" | ", highlight) },
            ];
        }

        /// <summary>
        /// Per word: its forms as typed and stemmed (s), and those or its corrections or, for the last, its start (m);
        /// every word (m, s) or any word (am, ast), folded left to right as "a &amp;&amp; b &amp;&amp; c" would be.
        /// </summary>
        public static readonly string Sql = $"""
            WITH RECURSIVE word AS (
                SELECT u.n, f.s, CASE WHEN u.n = cardinality(@words) AND @prefix IS NOT NULL THEN b.m || to_tsquery('simple', @prefix) ELSE b.m END AS m
                FROM unnest(@words::text[], @fix1::text[], @fix2::text[]) WITH ORDINALITY AS u(w, fix1, fix2, n)
                CROSS JOIN LATERAL (SELECT to_tsquery('simple', u.w) || to_tsquery('indonesian', u.w) || to_tsquery('english', u.w) AS s) f
                CROSS JOIN LATERAL (SELECT CASE WHEN u.fix1 IS NULL THEN f.s ELSE f.s || to_tsquery('simple', u.fix1) END AS m) a
                CROSS JOIN LATERAL (SELECT CASE WHEN u.fix2 IS NULL THEN a.m ELSE a.m || to_tsquery('simple', u.fix2) END AS m) b),
            folded AS (
                SELECT w.n, w.m, w.s, w.m AS am, w.s AS ast FROM word w WHERE w.n = 1
                UNION ALL
                SELECT w.n, f.m && w.m, f.s && w.s, f.am || w.m, f.ast || w.s FROM folded f JOIN word w ON w.n = f.n + 1),
            q AS MATERIALIZED (
                SELECT f.m, f.s, f.am, f.ast FROM folded f ORDER BY f.n DESC LIMIT 1),
            every AS MATERIALIZED (
                SELECT l."Id", l."UnitsSold", l."SearchVector" AS v FROM "Listings" l
                WHERE l."Status" = 'Approved' AND l."SearchVector" @@ (SELECT m FROM q) LIMIT @counted),
            chosen AS MATERIALIZED (
                SELECT e.n AS every_total, e.n < @below AS loose, CASE WHEN e.n < @below THEN q.am ELSE q.m END AS t
                FROM q, (SELECT count(*) AS n FROM every) e),
            anyword AS MATERIALIZED (
                SELECT l."Id", l."UnitsSold", l."SearchVector" AS v FROM "Listings" l
                WHERE (SELECT loose FROM chosen) AND l."Status" = 'Approved' AND l."SearchVector" @@ (SELECT am FROM q) LIMIT @counted),
            total AS MATERIALIZED (
                SELECT CASE WHEN c.loose THEN (SELECT count(*) FROM anyword) ELSE c.every_total END AS n FROM chosen c),
            {Tiers()}
            candidates AS MATERIALIZED (
                SELECT h.* FROM matches h ORDER BY h."UnitsSold" DESC, h."Id" DESC LIMIT @ranked),
            hits AS (
                SELECT c."Id", c."UnitsSold", c.v @@ CASE WHEN ch.loose THEN q.ast ELSE q.s END AS strict, ts_rank(c.v, ch.t) AS rank
                FROM candidates c CROSS JOIN q CROSS JOIN chosen ch),
            page AS (
                SELECT h.* FROM hits h
                ORDER BY h.strict DESC, h.rank DESC, h."UnitsSold" DESC, h."Id"
                LIMIT @take OFFSET @skip)
            SELECT l."Id", l."Slug", l."Title", l."Price", l."Stock", l."MadeToOrder",
                   m."DisplayName" AS "MakerName", m."Slug" AS "MakerSlug", pr."Name" AS "ProgrammeName",
                   c."Hash" AS "PhotoHash", coalesce(c."Width", 0) AS "PhotoWidth", coalesce(c."Height", 0) AS "PhotoHeight",
                   p.strict AS "Strict", (SELECT loose FROM chosen) AS "Loose", (SELECT n FROM total)::int AS "Total",
                   (SELECT every_total FROM chosen)::int AS "EveryTotal",
                   -- Under a fallback every word matched less than a page: whether any of it matched as typed.
                   CASE WHEN (SELECT loose FROM chosen) THEN coalesce((SELECT bool_or(e.v @@ (SELECT s FROM q)) FROM every e), false)
                        ELSE p.strict END AS "EveryStrict",
                   ts_headline('indonesian', l."Title", to_tsquery('indonesian', @marked), @marks) AS "Headline"
            FROM page p
            JOIN "Listings" l ON l."Id" = p."Id"
            JOIN "Makers" m ON m."Id" = l."MakerId"
            JOIN "Programmes" pr ON pr."Id" = l."ProgrammeId"
            LEFT JOIN LATERAL (
                SELECT ph."Hash", ph."Width", ph."Height" FROM "ListingPhotos" lp JOIN "Photos" ph ON ph."Id" = lp."PhotoId"
                WHERE lp."ListingId" = l."Id" AND lp."RevisionId" IS NULL ORDER BY lp."Position" LIMIT 1) c ON true
            ORDER BY p.strict DESC, p.rank DESC, p."UnitsSold" DESC, p."Id"
            """;

        /// <summary>
        /// Past @counted matches, the most popular are looked for among the most popular goods on sale, tier by
        /// tier (see <see cref="PopularityTiers"/>): the first tier holding @ranked matches holds exactly the @ranked most popular ones.
        /// </summary>
        static string Tiers()
        {
            var sql = new StringBuilder();
            var earlier = new StringBuilder("(SELECT n FROM total) >= @counted");
            var used = new StringBuilder();
            for (var i = 0; i < PopularityTiers.Sizes.Length; i++)
            {
                var name = "tier" + i.ToString(CultureInfo.InvariantCulture);
                sql.Append(CultureInfo.InvariantCulture, $"""
                    {name} AS MATERIALIZED (
                        SELECT l."Id", l."UnitsSold", l."SearchVector" AS v FROM "Listings" l
                        WHERE {earlier} AND l."Status" = 'Approved' AND l."SearchVector" @@ (SELECT t FROM chosen)
                          AND l."UnitsSold" >= @{name}::int),

                    """);
                earlier.Append(CultureInfo.InvariantCulture, $" AND (SELECT count(*) FROM {name}) < @ranked");
                used.Append(CultureInfo.InvariantCulture, $"""
                    UNION ALL SELECT t.* FROM {name} t WHERE (SELECT count(*) FROM {name}) >= @ranked

                    """);
            }
            sql.Append(CultureInfo.InvariantCulture, $"""
                alltiers AS MATERIALIZED (
                    SELECT l."Id", l."UnitsSold", l."SearchVector" AS v FROM "Listings" l
                    WHERE {earlier} AND l."Status" = 'Approved' AND l."SearchVector" @@ (SELECT t FROM chosen)),
                matches AS (
                    SELECT e.* FROM every e WHERE NOT (SELECT loose FROM chosen) AND (SELECT n FROM total) < @counted
                    UNION ALL SELECT a.* FROM anyword a WHERE (SELECT loose FROM chosen) AND (SELECT n FROM total) < @counted
                {used}    UNION ALL SELECT t.* FROM alltiers t),
                """);
            return sql.ToString();
        }
    }

    sealed class CorrectionRow
    {
        public string Word { get; init; } = "";
        public string Term { get; init; } = "";
        public bool Known { get; init; }
    }

    sealed class HitRow
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public decimal Price { get; init; }
        public int Stock { get; init; }
        public bool MadeToOrder { get; init; }
        public string MakerName { get; init; } = "";
        public string MakerSlug { get; init; } = "";
        public string ProgrammeName { get; init; } = "";
        public string? PhotoHash { get; init; }
        public int PhotoWidth { get; init; }
        public int PhotoHeight { get; init; }
        public bool Strict { get; init; }
        public bool Loose { get; init; }
        public int EveryTotal { get; init; }
        public bool EveryStrict { get; init; }
        public int Total { get; init; }
        public string Headline { get; init; } = "";

        public ListingCard Card() => new(Id, Slug, Title, new Money(Price), MadeToOrder || Stock > 0, MadeToOrder,
            MakerName, MakerSlug, ProgrammeName, PhotoHash, PhotoWidth, PhotoHeight);
    }

    /// <summary>Letters and digits only: the words can go into to_tsquery without syntax errors.</summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var current = new StringBuilder();
        foreach (var ch in text.Length > 200 ? text[..200] : text)
        {
            if (char.IsLetterOrDigit(ch)) current.Append(char.ToLowerInvariant(ch));
            else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words.Distinct().Take(8).ToList();
    }

    internal static IReadOnlyList<TextPart> Parts(string headline)
    {
        var parts = new List<TextPart>();
        var matched = false;
        var current = new StringBuilder();
        foreach (var ch in headline)
        {
            if (ch is not (Start or Stop)) { current.Append(ch); continue; }
            if (current.Length > 0) parts.Add(new TextPart(current.ToString(), matched));
            current.Clear();
            matched = ch == Start;
        }
        if (current.Length > 0) parts.Add(new TextPart(current.ToString(), matched));
        return parts;
    }
}
