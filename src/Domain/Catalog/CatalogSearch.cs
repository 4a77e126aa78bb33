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
public sealed class CatalogSearch(MarketplaceDb db, PopularityTiers tiers, WordIndex index)
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

    public Task<SearchResult> SearchAsync(string? text, int page = 1, CancellationToken ct = default) => SearchAsync(text, page, inMemory: true, ct);

    /// <param name="inMemory">False asks the database alone, as search does until the word index is loaded.</param>
    internal async Task<SearchResult> SearchAsync(string? text, int page, bool inMemory, CancellationToken ct)
    {
        var words = Words(text);
        var query = string.Join(' ', words);
        page = Math.Clamp(page, 1, MaxPages);
        if (words.Count == 0) return SearchResult.Empty;

        var look = inMemory ? await index.ReadyAsync(ct) : null;
        var (corrections, known, forms) = await LookUpAsync(words, look, ct);
        var plan = new SearchPlan(words, corrections, known);
        // With several words, listings matching any word stand in when every word finds less than a page.
        var fallbackBelow = words.Count < 2 ? 0 : page == 1 ? PageSize : 1;
        var matches = look is not null && plan.Query(forms) is { } wordQuery
            ? index.Find(look, wordQuery, fallbackBelow, CountLimit + 1, PageSize * MaxPages) : null;
        var rows = matches is null ? await RowsAsync(plan, fallbackBelow, page, ct)
            : matches.Candidates.Length == 0 ? [] : await RankedAsync(plan, matches, page, ct);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        // Every word found goods only once corrected: say which words they were.
        var correctedOnly = rows.Count > 0 && (rows[0].Loose ? rows[0].EveryTotal > 0 && !rows[0].EveryStrict : !rows.Any(r => r.Strict));
        var didYouMean = correctedOnly && plan.Corrected != query ? plan.Corrected : null;
        var hits = rows.Select(r => new SearchHit(r.Card(), Parts(r.Headline))).ToList();
        return new SearchResult(query, hits, page, page * PageSize < total && page < MaxPages, total, didYouMean);
    }

    /// <summary>
    /// A search's first statement: near known words for each word the shop does not know, best first (a KNN walk of
    /// the trigram index over the word list; a known word needs none), which words it knows (kind 1); for the word
    /// index, each word's lexemes as the search document holds them, as typed and stemmed (kind 2), and the
    /// catalogue's changes since the index's last look (kinds 3 and 4).
    /// </summary>
    static readonly string LookUpSql = $"""
        SELECT 1 AS "Kind", row_number() OVER (ORDER BY w.n, t.likeness DESC, t."Term") AS "Seq", w.word AS "A", t."Term" AS "B", NULL::text AS "C",
               EXISTS (SELECT 1 FROM "SearchTerms" k WHERE k."Term" = w.word) AS "Flag", 0 AS "Sold", NULL::text[] AS "Lexemes"
        FROM unnest(@words) WITH ORDINALITY AS w(word, n)
        CROSS JOIN LATERAL (
            SELECT s."Term", similarity(s."Term", w.word) AS likeness FROM "SearchTerms" s
            ORDER BY s."Term" <-> w.word LIMIT @count) t
        WHERE t.likeness >= @likeness
        UNION ALL
        SELECT 2, u.n, to_tsquery('simple', u.w)::text, to_tsquery('indonesian', u.w)::text, to_tsquery('english', u.w)::text, false, 0, NULL
        FROM unnest(@words) WITH ORDINALITY AS u(w, n) WHERE @horizon::text IS NOT NULL
        UNION ALL
        {WordIndex.LookSql}
        ORDER BY 1, 2
        """;

    sealed record Lookup(Dictionary<string, List<string>> Corrections, HashSet<string> Known, List<string[]> Forms);

    async Task<Lookup> LookUpAsync(List<string> words, WordIndex.Look? look, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<LookUpRow>(LookUpSql,
            new NpgsqlParameter("words", words.ToArray()), new NpgsqlParameter("likeness", TypoSimilarity),
            new NpgsqlParameter("count", Corrections), new NpgsqlParameter("horizon", NpgsqlDbType.Text) { Value = (object?)look?.Horizon ?? DBNull.Value })
            .ToListAsync(ct);
        var found = rows.Where(r => r.Kind == 1).ToList();
        if (look is not null && rows.SingleOrDefault(r => r.Kind == 3) is { } snapshot)
            index.Apply(look, new WordIndex.LookRead(WordIndex.Xid(snapshot.A!), WordIndex.Xid(snapshot.B!),
                rows.Where(r => r.Kind == 4).Select(r => ((int)r.Seq, r.Flag, r.Sold, r.Lexemes)).ToList()));
        var known = found.Where(f => f.Flag).Select(f => f.A!).ToHashSet();
        return new Lookup(
            found.Where(f => !f.Flag).GroupBy(f => f.A!).ToDictionary(g => g.Key, g => g.Select(f => f.B!).ToList()), known,
            rows.Where(r => r.Kind == 2).Select(r => new[] { r.A!, r.B!, r.C! }).ToList());
    }

    sealed class LookUpRow
    {
        public int Kind { get; init; }
        public long Seq { get; init; }
        public string? A { get; init; }
        public string? B { get; init; }
        public string? C { get; init; }
        public bool Flag { get; init; }
        public int Sold { get; init; }
        public string[]? Lexemes { get; init; }
    }

    /// <summary>The whole search, fallback included, in one statement: the second round trip of a search.</summary>
    async Task<List<HitRow>> RowsAsync(SearchPlan plan, int fallbackBelow, int page, CancellationToken ct)
    {
        var parameters = PageParameters(plan, page);
        parameters.Add(new NpgsqlParameter("ranked", PageSize * MaxPages));
        parameters.Add(new NpgsqlParameter("below", fallbackBelow));
        parameters.Add(new NpgsqlParameter("counted", CountLimit + 1));
        var bounds = await tiers.UnitsSoldAsync(db, ct);
        for (var i = 0; i < bounds.Length; i++)
            parameters.Add(new NpgsqlParameter("tier" + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Integer) { Value = (object?)bounds[i] ?? DBNull.Value });
        return await db.Database.SqlQueryRaw<HitRow>(SearchPlan.Sql, parameters.ToArray()).ToListAsync(ct);
    }

    /// <summary>The word index's most popular matches, ranked and paged by the database, which reads only those rows.</summary>
    async Task<List<HitRow>> RankedAsync(SearchPlan plan, WordMatches matches, int page, CancellationToken ct)
    {
        var parameters = PageParameters(plan, page);
        parameters.Add(new NpgsqlParameter("candidates", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = matches.Candidates });
        parameters.Add(new NpgsqlParameter("loose", NpgsqlDbType.Boolean) { Value = matches.Loose });
        parameters.Add(new NpgsqlParameter("total", NpgsqlDbType.Integer) { Value = matches.Total });
        parameters.Add(new NpgsqlParameter("everyTotal", NpgsqlDbType.Integer) { Value = matches.EveryTotal });
        parameters.Add(new NpgsqlParameter("everyStrict", NpgsqlDbType.Boolean) { Value = matches.EveryStrict });
        return await db.Database.SqlQueryRaw<HitRow>(SearchPlan.RankedSql, parameters.ToArray()).ToListAsync(ct);
    }

    static List<NpgsqlParameter> PageParameters(SearchPlan plan, int page)
    {
        var parameters = plan.Parameters();
        parameters.Add(new NpgsqlParameter("take", PageSize));
        parameters.Add(new NpgsqlParameter("skip", (page - 1) * PageSize));
        parameters.Add(new NpgsqlParameter("marks", $"StartSel={Start}, StopSel={Stop}, HighlightAll=true"));
        return parameters;
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
        /// The same words for the word index: per word its lexemes (as typed, stemmed) and corrections, and the
        /// unfinished last word's start; null when a word is not one lexeme in each form, which the database then answers.
        /// </summary>
        public WordQuery? Query(List<string[]> forms)
        {
            if (forms.Count != words.Count) return null;
            var strict = new string[words.Count][];
            var loose = new string[words.Count][];
            for (var i = 0; i < words.Count; i++)
            {
                var lexemes = new List<string>();
                for (var f = 0; f < forms[i].Length; f++)
                {
                    // A stop word has no form in a language; as typed ('simple') it always has one.
                    if (forms[i][f].Length == 0 && f > 0) continue;
                    if (WordIndex.Lexeme(forms[i][f]) is not { } lexeme) return null;
                    if (!lexemes.Contains(lexeme)) lexemes.Add(lexeme);
                }
                strict[i] = [.. lexemes];
                loose[i] = [.. lexemes.Union(corrections.GetValueOrDefault(words[i]) ?? [])];
            }
            var last = words[^1];
            var prefix = last.Length >= 3 && !known.Contains(last) ? strict[^1][0] : null;
            return new WordQuery(strict, loose, prefix);
        }

        /// <summary>
        /// Per word: its forms as typed and stemmed (s), and those or its corrections or, for the last, its start (m);
        /// every word (m, s) or any word (am, ast), folded left to right as "a &amp;&amp; b &amp;&amp; c" would be.
        /// </summary>
        const string Queries = """
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
            """;

        /// <summary>The page of ranked hits, and its cards; the counts come from the statement's own matches or the word index.</summary>
        static string Page(string loose, string total, string everyTotal, string everyStrict) => $"""
            page AS (
                SELECT h.* FROM hits h
                ORDER BY h.strict DESC, h.rank DESC, h."UnitsSold" DESC, h."Id"
                LIMIT @take OFFSET @skip)
            SELECT l."Id", l."Slug", l."Title", l."Price", l."Stock", l."MadeToOrder",
                   m."DisplayName" AS "MakerName", m."Slug" AS "MakerSlug", pr."Name" AS "ProgrammeName",
                   c."Hash" AS "PhotoHash", coalesce(c."Width", 0) AS "PhotoWidth", coalesce(c."Height", 0) AS "PhotoHeight",
                   p.strict AS "Strict", {loose} AS "Loose", {total} AS "Total", {everyTotal} AS "EveryTotal",
                   {everyStrict} AS "EveryStrict",
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

        public static readonly string Sql = $"""
            {Queries}
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
            {Page("(SELECT loose FROM chosen)", "(SELECT n FROM total)::int", "(SELECT every_total FROM chosen)::int",
                // Under a fallback every word matched less than a page: whether any of it matched as typed.
                "CASE WHEN (SELECT loose FROM chosen) THEN coalesce((SELECT bool_or(e.v @@ (SELECT s FROM q)) FROM every e), false) ELSE p.strict END")}
            """;

        /// <summary>The same ranking and page over the word index's matches, read by primary key.</summary>
        public static readonly string RankedSql = $"""
            {Queries}
            candidates AS MATERIALIZED (
                SELECT l."Id", l."UnitsSold", l."SearchVector" AS v FROM "Listings" l
                WHERE l."Id" = ANY(@candidates) AND l."Status" = 'Approved'),
            hits AS (
                SELECT c."Id", c."UnitsSold", c.v @@ CASE WHEN @loose THEN q.ast ELSE q.s END AS strict,
                       ts_rank(c.v, CASE WHEN @loose THEN q.am ELSE q.m END) AS rank
                FROM candidates c CROSS JOIN q),
            {Page("@loose", "@total", "@everyTotal", "CASE WHEN @loose THEN @everyStrict ELSE p.strict END")}
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
