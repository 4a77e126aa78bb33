using System.Text;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>A piece of a highlighted title: plain text, or a word that matched the search.</summary>
public sealed record TextPart(string Text, bool Matched);

public sealed record SearchHit(ListingCard Card, IReadOnlyList<TextPart> Highlight);

public sealed record SearchResult(string Query, IReadOnlyList<SearchHit> Hits, int Page, bool HasMore, IReadOnlyList<string> Suggestions);

/// <summary>
/// Indonesian full-text search (stemming by the 'indonesian' configuration) ranked by ts_rank,
/// with pg_trgm word similarity on the title for typing mistakes and "did you mean".
/// </summary>
public sealed class CatalogSearch(MarketplaceDb db)
{
    public const int PageSize = 24;
    public const int MaxPages = 20;
    const string Config = "indonesian";
    /// <summary>pg_trgm's default (0.6) misses one dropped letter in a short word ("kerajnan" scores 0.58).</summary>
    public const double TypoSimilarity = 0.4;
    const double SuggestSimilarity = 0.25;
    // Private-use characters mark matches; they cannot come from a buyer's or maker's words after cleaning.
    const char Start = '\uE000', Stop = '\uE001';

    public async Task<SearchResult> SearchAsync(string? text, int page = 1, CancellationToken ct = default)
    {
        var words = Words(text);
        var query = string.Join(' ', words);
        page = Math.Clamp(page, 1, MaxPages);
        if (words.Count == 0) return new SearchResult("", [], 1, false, []);

        // Any word may match; listings matching more words (and in the title) rank higher.
        var tsQuery = string.Join(" | ", words);
        // "<%" (word similarity at or above the threshold set on every connection) can use the
        // trigram index; a comparison of word_similarity() with a constant reads every title.
        var rows = await db.Listings.AsNoTracking()
            .Where(l => l.Status == ListingStatus.Approved)
            .Where(l => EF.Property<NpgsqlTsVector>(l, CatalogSearchConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(Config, tsQuery))
                        || EF.Functions.TrigramsAreWordSimilar(query, l.Title))
            .OrderByDescending(l => EF.Property<NpgsqlTsVector>(l, CatalogSearchConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(Config, tsQuery))
                                    + EF.Functions.TrigramsWordSimilarity(query, l.Title) * 0.5)
            .ThenByDescending(l => l.UnitsSold).ThenBy(l => l.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .SelectMany(
                l => l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position).Select(p => p.Photo).Take(1).DefaultIfEmpty(),
                (l, cover) => new
                {
                    Card = new ListingCard(
                        l.Id, l.Slug, l.Title, l.Price, l.MadeToOrder || l.Stock > 0, l.MadeToOrder,
                        l.Maker!.DisplayName, l.Maker.Slug, l.Programme!.Name,
                        cover != null ? cover.Hash : null, cover != null ? cover.Width : 0, cover != null ? cover.Height : 0),
                    Headline = EF.Functions.ToTsQuery(Config, tsQuery).GetResultHeadline(l.Title, $"StartSel={Start}, StopSel={Stop}, HighlightAll=true"),
                })
            .ToListAsync(ct);

        var hits = rows.Take(PageSize).Select(r => new SearchHit(r.Card, Parts(r.Headline))).ToList();
        var suggestions = hits.Count == 0 && page == 1 ? await SuggestAsync(query, ct) : [];
        return new SearchResult(query, hits, page, rows.Count > PageSize && page < MaxPages, suggestions);
    }

    /// <summary>
    /// The connection string with the typo threshold set for the session, so "&lt;%" matches what
    /// the search means without a SET command per query.
    /// </summary>
    public static string WithTypoThreshold(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var setting = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-c pg_trgm.word_similarity_threshold={TypoSimilarity}");
        builder.Options = string.IsNullOrEmpty(builder.Options) ? setting : builder.Options + " " + setting;
        return builder.ToString();
    }

    /// <summary>Near matches for an empty result: the titles closest by trigram similarity.</summary>
    async Task<IReadOnlyList<string>> SuggestAsync(string query, CancellationToken ct) =>
        (await db.Listings.AsNoTracking()
            .Where(l => l.Status == ListingStatus.Approved && EF.Functions.TrigramsWordSimilarity(query, l.Title) > SuggestSimilarity)
            .OrderByDescending(l => EF.Functions.TrigramsWordSimilarity(query, l.Title)).ThenBy(l => l.Title)
            .Select(l => l.Title).Take(15)
            .ToListAsync(ct)).Distinct().Take(5).ToList();

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
