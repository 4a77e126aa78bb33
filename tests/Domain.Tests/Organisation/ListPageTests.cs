using PasKreatif.Organisation;

namespace PasKreatif.Domain.Tests.Organisation;

public class ListPageTests
{
    static ListCursor Cursor(int i) => new($"n{i:000}", i);

    static List<int> Read(int from, int count, int step = 1) => Enumerable.Range(0, count).Select(i => from + i * step).ToList();

    [Fact]
    public void A_cursor_survives_the_url_and_anything_else_means_the_first_page()
    {
        var cursor = new ListCursor("Ibu Sari, Wonosari\n& co / 100%", 42);
        var text = cursor.ToString();
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
        Assert.Equal(cursor, ListCursor.Parse(text));
        foreach (var odd in new[] { null, "", "x", "!!!", "AAAA", new string('A', 401), "bm8tbmV3bGluZQ" })
            Assert.Null(ListCursor.Parse(odd));
    }

    [Fact]
    public void A_page_after_a_cursor_links_back_and_on_only_when_there_is_more()
    {
        var first = ListPage.From<int>(Read(0, 51), new ListRequest(), Cursor);
        Assert.Equal(Read(0, 50), first.Rows);
        Assert.Equal(Cursor(49), first.Next);
        Assert.Null(first.Previous);

        var last = ListPage.From<int>(Read(50, 7), new ListRequest(After: Cursor(49)), Cursor);
        Assert.Null(last.Next);
        Assert.Equal(Cursor(50), last.Previous);
    }

    [Fact]
    public void A_page_before_a_cursor_is_read_backwards_and_shown_in_order()
    {
        // Rows 99 down to 49 read before row 100: the page is 50-99, and row 49 says a page lies before it.
        var page = ListPage.From<int>(Read(99, 51, -1), new ListRequest(Before: Cursor(100)), Cursor);
        Assert.Equal(Read(50, 50), page.Rows);
        Assert.Equal(Cursor(99), page.Next);
        Assert.Equal(Cursor(50), page.Previous);

        var start = ListPage.From<int>(Read(9, 10, -1), new ListRequest(Before: Cursor(10)), Cursor);
        Assert.Equal(Read(0, 10), start.Rows);
        Assert.Null(start.Previous);
        Assert.Empty(ListPage.From<int>([], new ListRequest(Before: Cursor(10)), Cursor).Rows);
    }

    [Fact]
    public void Search_words_are_trimmed_cut_and_taken_literally()
    {
        Assert.Null(new ListRequest("   ").Pattern);
        Assert.Equal("%50\\% \\_a\\\\b%", new ListRequest(" 50% _a\\b ").Pattern);
        Assert.Equal(ListRequest.MaxSearch, new ListRequest(new string('x', 300)).Words!.Length);
        Assert.Null(ListRequest.Of(null, "x", ListCursor.Parse(Cursor(1).ToString())!.Value.ToString()).After);
    }
}
