using System.Text;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Independence;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.BackOffice;

public class IndependenceTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static string[][] Rows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToArray();

    async Task<(string Text, byte[] Bytes, string? ContentType)> CsvAsync(ShopClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), bytes, response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_makers_month_by_month_csv_holds_the_page_numbers_in_utf8_with_a_bom()
    {
        await using var db = factory.OpenDb();
        var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
        var maker = await db.Makers.Where(m => groups.Contains(m.HomeGroupId))
            .OrderByDescending(m => db.Set<LedgerEntry>().Count(e => e.MakerId == m.Id && e.Kind == LedgerEntryKind.Credit)).FirstAsync();
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");

        var page = await mentor.GetDocumentAsync($"/admin/pembuat/{maker.Id}/kemandirian");
        var tableRows = page.QuerySelectorAll("#months-table tbody tr").ToList();
        Assert.Equal(IndependenceReport.Months, tableRows.Count);
        Assert.NotNull(page.QuerySelector("canvas[data-chart=maker-data]"));
        Assert.Contains("\"datasets\"", page.QuerySelector("#maker-data")!.TextContent);

        var (text, bytes, type) = await CsvAsync(mentor, $"/admin/pembuat/{maker.Id}/kemandirian?handler=Csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("text/csv", type);
        var rows = Rows(text);
        Assert.Equal(["Bulan", "Pendapatan bersih", "Target", "% target", "Tingkat", "Pesanan", "Barang"], rows[0]);
        Assert.Equal(IndependenceReport.Months + 1, rows.Length);

        // The same numbers as the ledger: net of the last complete month in the office's zone.
        var zone = await db.Makers.Where(m => m.Id == maker.Id).Select(m => m.HomeGroup!.Office!.Zone).SingleAsync();
        var last = IndependenceBands.CompleteMonths(DateTimeOffset.UtcNow, zone, 1)[0];
        var entries = await db.LedgerEntries.Where(e => e.MakerId == maker.Id && (e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.Reversal)).ToListAsync();
        var net = entries.Where(e => IndependenceBands.MonthOf(e.OccurredAt, zone) == last).Sum(e => e.Kind == LedgerEntryKind.Credit ? e.Amount.Amount : -e.Amount.Amount);
        Assert.Equal(last.ToString("yyyy-MM"), rows[^1][0]);
        Assert.Equal(net.ToString("0"), rows[^1][1]);
        Assert.Equal(Money.Of(net).ToString(), tableRows[^1].QuerySelectorAll("td")[0].TextContent);
        Assert.Contains(rows[^1][4], new[] { "Memulai", "Berkembang", "Mandiri" });
    }

    [Fact]
    public async Task A_groups_roll_up_counts_every_maker_once_in_a_band_and_exports_each_table()
    {
        await using var db = factory.OpenDb();
        var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
        var makers = await db.Makers.CountAsync(m => m.HomeGroupId == group);
        using var officer = ShopClient.For(factory);
        await officer.SignInAsync("petugas");
        var url = $"/admin/kemandirian/kelompok/{group}";
        var page = await officer.GetDocumentAsync(url);
        Assert.Equal(makers, page.QuerySelectorAll("#band-table tbody td.num").Sum(td => int.Parse(td.TextContent)));
        Assert.Equal(IndependenceReport.Months, page.QuerySelectorAll("#trend-table tbody tr").Length);

        var bands = Rows((await CsvAsync(officer, url + "?handler=Csv&table=tingkat")).Text);
        Assert.Equal(["Tingkat", "Jumlah pembuat"], bands[0]);
        Assert.Equal(makers, bands.Skip(1).Sum(r => int.Parse(r[1])));
        var trend = Rows((await CsvAsync(officer, url + "?handler=Csv&table=tren")).Text);
        var total = await factory.WithScopeAsync(async s =>
        {
            var scope = await StaffScope.ForAsync(s.GetRequiredService<PasKreatif.Persistence.MarketplaceDb>(), await BackOfficeData.PersonAsync(db, "petugas"), [People.Roles.Officer]);
            return (await s.GetRequiredService<IndependenceReport>().GroupAsync(scope, group)).Total;
        });
        Assert.Equal(total.Amount, trend.Skip(1).Sum(r => decimal.Parse(r[1])));
        Assert.Equal(makers + 1, Rows((await CsvAsync(officer, url + "?handler=Csv&table=pembuat")).Text).Length);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await officer.Http.GetAsync(url + "?handler=Csv&table=lain")).StatusCode);
    }

    [Fact]
    public async Task The_monthly_summary_goes_to_every_mentor_with_an_email_and_names_their_groups_and_makers()
    {
        await using var db = factory.OpenDb();
        var mentors = await db.GroupMentors.Select(m => m.PersonId).Distinct().CountAsync(id => db.Users.Any(u => u.Id == id && u.Email != null));
        var before = BackOfficeData.QueuedMails(factory).Count(m => m.Subject.StartsWith("Ringkasan"));

        var sent = await factory.WithScopeAsync(s => s.GetRequiredService<MentorMonthlySummary>().SendAsync());

        Assert.Equal(mentors, sent);
        var mails = BackOfficeData.QueuedMails(factory).Where(m => m.Subject.StartsWith("Ringkasan")).ToList();
        Assert.Equal(before + mentors, mails.Count);
        var email = await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Email).SingleAsync();
        var mail = mails.Last(m => m.To == email);
        var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
        Assert.Contains(await db.Groups.Where(g => g.Id == group).Select(g => g.Name).SingleAsync(), mail.TextBody);
        foreach (var maker in await db.Makers.Where(m => m.HomeGroupId == group).Select(m => m.DisplayName).ToListAsync())
            Assert.Contains($"- {maker}: Rp", mail.TextBody);
        Assert.Contains("menunggu tinjauan", mail.TextBody);

        var job = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection().GetRecurringJobs().SingleOrDefault(j => j.Id == MentorMonthlySummary.JobId);
        Assert.NotNull(job);
        Assert.Equal(MentorMonthlySummary.Cron, job.Cron);
    }
}
