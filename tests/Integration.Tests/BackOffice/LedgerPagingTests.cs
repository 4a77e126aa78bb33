using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>A maker's balance page shows the totals of every entry but one page of entries; the CSV streams them all.</summary>
public class LedgerPagingTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const int Added = 130;

    /// <summary>A maker of the mentor's group with 130 more credits, ten a minute (once per class: the tests share the database).</summary>
    async Task<int> MakerAsync()
    {
        await using var db = factory.OpenDb();
        var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
        var id = await db.Makers.Where(m => groups.Contains(m.HomeGroupId)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        if (await db.LedgerEntries.AnyAsync(e => e.MakerId == id && e.Note == "uji-0")) return id;
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        // Ten entries share each minute, so the pages must tell them apart by id too.
        for (var i = 0; i < Added; i++)
            db.LedgerEntries.Add(new LedgerEntry { MakerId = id, Kind = LedgerEntryKind.Credit, Amount = Money.Of(1_000 + i), OccurredAt = at.AddMinutes(i / 10), Note = $"uji-{i}" });
        await db.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task Pages_of_fifty_walk_every_entry_once_newest_first_and_the_totals_count_them_all()
    {
        var makerId = await MakerAsync();
        await using var db = factory.OpenDb();
        var all = await db.LedgerEntries.Where(e => e.MakerId == makerId).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id).ToListAsync();
        var balance = await db.LedgerEntries.Where(e => e.MakerId == makerId)
            .SumAsync(e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount);
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");

        var seen = new List<string>();
        var url = $"/admin/pembuat/{makerId}/saldo";
        var pages = 0;
        while (url is not null)
        {
            var page = await mentor.GetDocumentAsync(url);
            Assert.Equal(Money.Of(balance).ToString(), page.QuerySelector("#balance")!.TextContent.Trim());
            var rows = page.QuerySelectorAll("table.data-table tbody tr").Length;
            Assert.InRange(rows, 1, LedgerQueries.PageSize);
            seen.AddRange(page.QuerySelectorAll("table.data-table tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            pages++;
        }
        Assert.Equal(all.Count, seen.Count);
        Assert.Equal((all.Count + LedgerQueries.PageSize - 1) / LedgerQueries.PageSize, pages);
        var ours = seen.Where(s => s.StartsWith("uji-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, Added).Reverse().Select(i => $"uji-{i}"), ours);
    }

    [Fact]
    public async Task The_page_after_the_first_links_back_to_the_newer_entries_it_came_from()
    {
        var makerId = await MakerAsync();
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        static string[] Notes(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("table.data-table tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToArray();

        var first = await mentor.GetDocumentAsync($"/admin/pembuat/{makerId}/saldo");
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var second = await mentor.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var third = await mentor.GetDocumentAsync(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var backToSecond = await mentor.GetDocumentAsync(third.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Notes(second), Notes(backToSecond));
        var backToFirst = await mentor.GetDocumentAsync(backToSecond.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Notes(first), Notes(backToFirst));
        Assert.Null(backToFirst.QuerySelector("a[rel=prev]"));
        Assert.Equal(second.QuerySelector("a[rel=next]")!.GetAttribute("href"), backToSecond.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_csv_holds_every_entry_and_a_cursor_from_outside_is_harmless()
    {
        var makerId = await MakerAsync();
        await using var db = factory.OpenDb();
        var count = await db.LedgerEntries.CountAsync(e => e.MakerId == makerId);
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var csv = await mentor.Http.GetAsync($"/admin/pembuat/{makerId}/saldo?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count + 1, lines.Length);
        Assert.Contains(lines, l => l.EndsWith(",uji-129", StringComparison.Ordinal));

        foreach (var odd in new[] { "x", "1-2-3", "99999999999999999999-1", "-5" })
        {
            var page = await mentor.Http.GetAsync($"/admin/pembuat/{makerId}/saldo?setelah={Uri.EscapeDataString(odd)}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }
}
