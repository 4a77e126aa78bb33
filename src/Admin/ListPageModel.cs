using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Organisation;

namespace PasKreatif.Admin;

/// <summary>A back-office list page: the words searched and the cursor of the page shown, both kept in the URL.</summary>
public abstract class ListPageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "cari")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "setelah")] public string? After { get; set; }
    [BindProperty(SupportsGet = true, Name = "sebelum")] public string? Before { get; set; }

    protected ListRequest Asked => ListRequest.Of(Search, After, Before);

    /// <summary>The search box and page links of a list at <paramref name="path"/>.</summary>
    public ListNav Nav<T>(string path, ListPage<T> page) => new(path, Asked.Words, page.Next, page.Previous, page.Rows.Count);
}

/// <summary>What the search box and the page links need; links keep the words searched.</summary>
public sealed record ListNav(string Path, string? Words, ListCursor? Next, ListCursor? Previous, int Count)
{
    string Link(string cursorName, ListCursor cursor) =>
        Path + "?" + (Words is null ? "" : "cari=" + Uri.EscapeDataString(Words) + "&") + cursorName + "=" + cursor;

    /// <summary>The whole list as CSV, with the same search.</summary>
    public string CsvLink => Path + "?handler=Csv" + (Words is null ? "" : "&cari=" + Uri.EscapeDataString(Words));

    public string? NextLink => Next is { } n ? Link("setelah", n) : null;
    public string? PreviousLink => Previous is { } p ? Link("sebelum", p) : null;
}
