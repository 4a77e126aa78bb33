using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>
/// Back-office lists a page of 50 at a time by keyset, with a search kept across pages, and staff of one office
/// never reach another office's makers on any page, search or CSV.
/// </summary>
public class ListPagingTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string Prefix = "Penenun Halaman";
    const int OfficeAMakers = 70;

    sealed record Offices(int A, int B, int GroupA, string OfficerA, string OfficerB, List<string> NamesA, List<string> NamesB);

    static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>70 makers in a group of the officer "petugas"'s office and 5 in a group of another office (once per class).</summary>
    async Task<Offices> OfficesAsync()
    {
        await Once.WaitAsync();
        try
        {
            await using var db = factory.OpenDb();
            var officerA = "petugas";
            var officerAId = await BackOfficeData.PersonAsync(db, officerA);
            var a = await db.OfficeOfficers.Where(o => o.PersonId == officerAId).Select(o => o.OfficeId).FirstAsync();
            var b = await db.Offices.Where(o => o.Id != a).Select(o => o.Id).FirstAsync();
            var officerB = await db.OfficeOfficers.Where(o => o.OfficeId == b && !db.Set<OfficeOfficer>().Any(x => x.PersonId == o.PersonId && x.OfficeId == a))
                .Join(db.Users, o => o.PersonId, u => u.Id, (o, u) => u.UserName!).FirstAsync();
            var groupA = await db.Groups.Where(g => g.OfficeId == a).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            var namesA = Enumerable.Range(0, OfficeAMakers).Select(i => $"{Prefix} A{i:000}").ToList();
            var namesB = Enumerable.Range(0, 5).Select(i => $"{Prefix} B{i:000}").ToList();
            if (!await db.Makers.AnyAsync(m => m.DisplayName.StartsWith(Prefix)))
            {
                await AddMakersAsync(db, groupA, a, namesA);
                await AddMakersAsync(db, await db.Groups.Where(g => g.OfficeId == b).Select(g => g.Id).FirstAsync(), b, namesB);
            }
            return new Offices(a, b, groupA, officerA, officerB, namesA, namesB);
        }
        finally { Once.Release(); }
    }

    static async Task AddMakersAsync(MarketplaceDb db, int group, int office, List<string> names)
    {
        var regency = await db.Regencies.Where(r => r.OfficeId == office).Select(r => r.Id).FirstAsync();
        foreach (var name in names)
        {
            var login = "uji-" + Guid.NewGuid().ToString("N")[..10];
            var person = new Person(name) { Id = Guid.NewGuid(), UserName = login, NormalizedUserName = login.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(person);
            db.Makers.Add(new Maker { PersonId = person.Id, DisplayName = name, Slug = Slugs.From(name) + "-" + login[4..], HomeGroupId = group, RegencyId = regency, JoinedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Every page from <paramref name="url"/> on by the "next" links: each page's rows (by the selector) and the pages' documents.</summary>
    static async Task<List<(IHtmlDocument Page, List<string> Rows)>> WalkAsync(ShopClient client, string? url, string rowSelector)
    {
        var pages = new List<(IHtmlDocument, List<string>)>();
        while (url is not null)
        {
            var page = await client.GetDocumentAsync(url);
            pages.Add((page, page.QuerySelectorAll(rowSelector).Select(e => e.TextContent.Trim()).ToList()));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.True(pages.Count < 100, "the next links never end");
        }
        return pages;
    }

    static async Task<string> CsvAsync(ShopClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
    }

    [Fact]
    public async Task The_makers_list_pages_fifty_by_name_keeps_the_search_on_next_and_previous_and_says_when_nothing_matches()
    {
        var o = await OfficesAsync();
        using var officer = ShopClient.For(factory);
        await officer.SignInAsync(o.OfficerA);

        var pages = await WalkAsync(officer, $"/admin/pembuat?cari={Uri.EscapeDataString(Prefix)}", "table.data-table tbody tr td:first-child");
        Assert.Equal([ListRequest.PageSize, OfficeAMakers - ListRequest.PageSize], pages.Select(p => p.Rows.Count));
        Assert.Equal(o.NamesA, pages.SelectMany(p => p.Rows)); // by name, no row twice, none missed
        var next = pages[0].Page.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("cari=" + Uri.EscapeDataString(Prefix), next);
        Assert.Null(pages[0].Page.QuerySelector("a[rel=prev]"));
        Assert.Equal(Prefix, pages[1].Page.QuerySelector("input[name=cari]")!.GetAttribute("value"));

        // Back from the second page is the first page again, search kept.
        var previous = pages[1].Page.QuerySelector("a[rel=prev]")!.GetAttribute("href")!;
        Assert.Contains("cari=", previous);
        var back = await officer.GetDocumentAsync(previous);
        Assert.Equal(pages[0].Rows, back.QuerySelectorAll("table.data-table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Null(back.QuerySelector("a[rel=prev]"));

        // Unfiltered, every page is at most 50 rows and the walk reaches every maker in scope once.
        var all = await WalkAsync(officer, "/admin/pembuat", "table.data-table tbody tr td:first-child");
        Assert.All(all, p => Assert.InRange(p.Rows.Count, 1, ListRequest.PageSize));
        await using (var db = factory.OpenDb())
            Assert.Equal(await db.Makers.CountAsync(m => m.HomeGroup!.OfficeId == o.A), all.Sum(p => p.Rows.Count));
        Assert.Equal(all.Sum(p => p.Rows.Count), all.SelectMany(p => p.Rows).Count());

        var none = await officer.GetDocumentAsync("/admin/pembuat?cari=" + Uri.EscapeDataString("tidak ada yang bernama begini"));
        Assert.Contains("Tidak ada yang cocok", none.QuerySelector("#list-empty")!.TextContent);
        using var english = ShopClient.For(factory);
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await english.SignInAsync(o.OfficerA);
        var noneEn = await english.GetDocumentAsync("/admin/pembuat?cari=zzzz%25_");
        Assert.Contains("Nothing matches", noneEn.QuerySelector("#list-empty")!.TextContent);
        Assert.Empty(noneEn.QuerySelectorAll("table.data-table tbody tr"));

        // A cursor from outside is harmless: the first page.
        foreach (var odd in new[] { "x", "!!!", new string('A', 500) })
            Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync($"/admin/pembuat?setelah={odd}&sebelum={odd}")).StatusCode);
    }

    [Fact]
    public async Task The_moderation_queue_pages_oldest_first_without_overlap_or_gap_even_when_items_share_a_time()
    {
        var o = await OfficesAsync();
        var tag = "Vas Antrean " + Guid.NewGuid().ToString("N")[..5];
        var ids = new List<int>();
        await using (var db = factory.OpenDb())
        {
            for (var i = 0; i < 62; i++)
                ids.Add((await BackOfficeData.SubmittedListingAsync(db, o.GroupA, $"{tag} {i:000}")).Id);
            // One submission time for all: the pages must tell them apart by id.
            var at = DateTimeOffset.UtcNow.AddHours(-7);
            await db.Listings.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(u => u.SetProperty(l => l.SubmittedAt, at));
        }
        using var officer = ShopClient.For(factory);
        await officer.SignInAsync(o.OfficerA);

        var pages = await WalkAsync(officer, $"/admin/moderasi?cari={Uri.EscapeDataString(tag)}", "table.data-table tbody input[name=selected]");
        Assert.Equal([ListRequest.PageSize, 12], pages.Select(p => p.Rows.Count));
        var seen = pages.SelectMany(p => p.Page.QuerySelectorAll("table.data-table tbody input[name=selected]").Select(i => int.Parse(i.GetAttribute("value")!))).ToList();
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        var back = await officer.GetDocumentAsync(pages[1].Page.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(seen.Take(ListRequest.PageSize), back.QuerySelectorAll("table.data-table tbody input[name=selected]").Select(i => int.Parse(i.GetAttribute("value")!)));

        var whole = await officer.GetDocumentAsync("/admin/moderasi");
        Assert.InRange(whole.QuerySelectorAll("table.data-table tbody tr").Length, ListRequest.PageSize, ListRequest.PageSize);
        Assert.NotNull(whole.QuerySelector("a[rel=next]"));
        var none = await officer.GetDocumentAsync("/admin/moderasi?cari=tidak-ada-judul-begini");
        Assert.NotNull(none.QuerySelector("#list-empty"));
    }

    [Fact]
    public async Task An_officer_of_one_office_never_sees_another_offices_makers_in_a_list_a_search_a_roll_up_or_a_csv()
    {
        var o = await OfficesAsync();
        string listingB;
        await using (var db = factory.OpenDb())
        {
            var groupB = await db.Groups.Where(g => g.OfficeId == o.B && db.Set<Listing>().Any(l => l.Programme!.GroupId == g.Id && l.Status == PasKreatif.Catalog.ListingStatus.Approved)).Select(g => g.Id).FirstAsync();
            listingB = (await BackOfficeData.SubmittedListingAsync(db, groupB, $"{Prefix} Kain B {Guid.NewGuid():N}"[..40])).Title;
        }

        async Task<string> EverythingAsync(string login)
        {
            using var client = ShopClient.For(factory);
            await client.SignInAsync(login);
            var seen = new StringBuilder();
            foreach (var start in new[] { "/admin/pembuat", $"/admin/pembuat?cari={Uri.EscapeDataString(Prefix)}", $"/admin/pembuat?cari={Uri.EscapeDataString(Prefix + " B")}",
                         "/admin/moderasi", $"/admin/moderasi?cari={Uri.EscapeDataString(Prefix)}", $"/admin/kemandirian/bapas/{o.A}",
                         $"/admin/kemandirian/bapas/{o.A}?cari={Uri.EscapeDataString(Prefix)}", $"/admin/kemandirian/kelompok/{o.GroupA}?cari={Uri.EscapeDataString(Prefix)}" })
                foreach (var (page, _) in await WalkAsync(client, start, "table tbody tr"))
                    seen.AppendLine(page.Body!.TextContent);
            foreach (var csv in new[] { "/admin/pembuat?handler=Csv", $"/admin/pembuat?handler=Csv&cari={Uri.EscapeDataString(Prefix)}",
                         $"/admin/kemandirian/bapas/{o.A}?handler=Csv&table=pembuat" })
                seen.AppendLine(await CsvAsync(client, csv));
            return seen.ToString();
        }

        var officerA = await EverythingAsync(o.OfficerA);
        Assert.All(o.NamesA, n => Assert.Contains(n, officerA));
        Assert.All(o.NamesB, n => Assert.DoesNotContain(n, officerA));
        Assert.DoesNotContain(listingB, officerA);

        // The other office's officer is shut out of office A's roll-up and finds their own makers, so the check above can fail.
        using var b = ShopClient.For(factory);
        await b.SignInAsync(o.OfficerB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Http.GetAsync($"/admin/kemandirian/bapas/{o.A}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Http.GetAsync($"/admin/kemandirian/bapas/{o.A}?handler=Csv&table=pembuat")).StatusCode);
        var mine = await CsvAsync(b, $"/admin/pembuat?handler=Csv&cari={Uri.EscapeDataString(Prefix)}");
        Assert.All(o.NamesB, n => Assert.Contains(n, mine));
        Assert.All(o.NamesA, n => Assert.DoesNotContain(n, mine));
        Assert.Contains(listingB, (await b.GetDocumentAsync($"/admin/moderasi?cari={Uri.EscapeDataString(listingB)}")).Body!.TextContent);
    }

    [Fact]
    public async Task An_offices_makers_csv_holds_every_maker_of_the_office_once_with_the_tables_band()
    {
        var o = await OfficesAsync();
        using var officer = ShopClient.For(factory);
        await officer.SignInAsync(o.OfficerA);
        var lines = (await CsvAsync(officer, $"/admin/kemandirian/bapas/{o.A}?handler=Csv&table=pembuat")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        await using var db = factory.OpenDb();
        var names = await db.Makers.Where(m => m.HomeGroup!.OfficeId == o.A).Select(m => m.DisplayName).ToListAsync();
        Assert.Equal(names.Count + 1, lines.Length);
        Assert.Equal(names.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0].Trim('"')).Order(StringComparer.Ordinal));

        // The page's table shows the same band as the CSV for a maker on its first page.
        var page = await officer.GetDocumentAsync($"/admin/kemandirian/bapas/{o.A}");
        var rows = page.QuerySelectorAll("#makers-table tbody tr");
        Assert.Equal(ListRequest.PageSize, rows.Length);
        var first = rows[0].QuerySelectorAll("td");
        var csvRow = lines.Single(l => l.Split(',')[0].Trim('"') == first[0].TextContent.Trim()).Split(',');
        Assert.Equal(first[4].TextContent.Trim(), csvRow[4]);
    }
}

/// <summary>A maker with a ledger of 20,000 entries: the balance page shows one page, the CSV streams every entry.</summary>
public class LargeLedgerCsvTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const int Added = 20_000;

    [Fact]
    public async Task The_csv_of_a_large_ledger_is_streamed_whole_and_the_page_stays_one_page()
    {
        int makerId;
        await using (var db = factory.OpenDb())
        {
            var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
            makerId = await db.Makers.Where(m => groups.Contains(m.HomeGroupId)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "LedgerEntries" ("MakerId", "Kind", "Amount", "OccurredAt", "Note")
                SELECT {makerId}, 'Credit', 1000 + g, timestamptz '2025-01-01 00:00Z' + g * interval '1 minute', 'besar-' || g FROM generate_series(1, {Added}) g
                """);
        }
        await using var check = factory.OpenDb();
        var count = await check.LedgerEntries.CountAsync(e => e.MakerId == makerId);
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");

        using var response = await mentor.Http.GetAsync($"/admin/pembuat/{makerId}/saldo?handler=Csv", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength); // written as read, not buffered to a known length
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var lines = 0;
        var ours = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            if (line.Contains(",besar-", StringComparison.Ordinal)) ours++;
        }
        Assert.Equal(count + 1, lines);
        Assert.Equal(Added, ours);

        var page = await mentor.GetDocumentAsync($"/admin/pembuat/{makerId}/saldo");
        Assert.Equal(PasKreatif.Ledger.LedgerQueries.PageSize, page.QuerySelectorAll("table.data-table tbody tr").Length);
    }
}
