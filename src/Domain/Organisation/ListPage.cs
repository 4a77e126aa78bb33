using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PasKreatif.Organisation;

/// <summary>One page of a back-office list, with the cursors of the pages either side (null where there is none).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, ListCursor? Next, ListCursor? Previous);

/// <summary>Builds list pages; apart from the record so the row type is inferred from the rows.</summary>
public static class ListPage
{
    /// <summary>
    /// The page from rows read one past the page size in the direction asked (oldest-to-newest after a cursor,
    /// reversed before one): the extra row says whether another page lies that way.
    /// </summary>
    public static ListPage<T> From<T>(IReadOnlyList<T> read, ListRequest request, Func<T, ListCursor> cursorOf)
    {
        var more = read.Count > ListRequest.PageSize;
        var rows = read.Take(ListRequest.PageSize).ToList();
        if (request.Before is not null) rows.Reverse();
        if (rows.Count == 0) return new ListPage<T>(rows, null, null);
        var first = cursorOf(rows[0]);
        var last = cursorOf(rows[^1]);
        return request.Before is not null
            ? new ListPage<T>(rows, last, more ? first : null)
            : new ListPage<T>(rows, more ? last : null, request.After is not null ? first : null);
    }
}

/// <summary>What a list page asks for: the words searched and where the page starts (after or before a row).</summary>
public sealed record ListRequest(string? Search = null, ListCursor? After = null, ListCursor? Before = null)
{
    /// <summary>Rows per page on every back-office list.</summary>
    public const int PageSize = 50;
    public const int MaxSearch = 100;

    /// <summary>The words as typed, trimmed; null when empty. Longer text is cut, never refused.</summary>
    public string? Words => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim()[..Math.Min(Search.Trim().Length, MaxSearch)];

    /// <summary>An ILIKE pattern that finds the words anywhere, their %, _ and \ taken literally.</summary>
    public string? Pattern => Words is { } w ? "%" + w.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%" : null;

    public static ListRequest Of(string? search, string? after, string? before) =>
        new(search, ListCursor.Parse(after), after is null ? ListCursor.Parse(before) : null);
}

/// <summary>Where a page starts: the sort key and id of a row, as one URL-safe text. Anything unreadable means the first page.</summary>
public readonly record struct ListCursor(string Key, long Id)
{
    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + "\n" + Id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ListCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 400) return null;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length)) return null;
        string decoded;
        try { decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length); }
        catch (DecoderFallbackException) { return null; }
        var cut = decoded.LastIndexOf('\n');
        if (cut < 0 || !long.TryParse(decoded.AsSpan(cut + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return new ListCursor(decoded[..cut], id);
    }
}
