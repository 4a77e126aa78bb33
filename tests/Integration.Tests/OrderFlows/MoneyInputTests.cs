using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>Every rupiah typed anywhere is read by the one parser: what it cannot read is refused with a clear message, never guessed.</summary>
public class MoneyInputTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static readonly (string Typed, string Message)[] Refused =
    [
        ("100,00", "tanpa sen"),          // once recorded as Rp10.000
        ("-200", "tidak boleh negatif"),  // once recorded as Rp200
        ("1e9", "bukan 1e6"),             // once recorded as Rp19
        ("１００.０００", "angka biasa"),    // once a 500
        ("", "Tulis jumlahnya"),
    ];

    async Task<int> RichMakerAsync()
    {
        await using var db = factory.OpenDb();
        var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
        foreach (var id in await db.Makers.Where(m => groups.Contains(m.HomeGroupId)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync())
            if (await NetAsync(factory, id) >= Money.Of(50_000)) return id;
        throw new InvalidOperationException("No maker with a balance in the mentor's groups.");
    }

    [Fact]
    public async Task Payout_amounts_that_cannot_be_read_are_refused_and_nothing_is_recorded()
    {
        var maker = await RichMakerAsync();
        using var mentor = await SignedInAsync(factory, "pendamping");
        var url = $"/admin/pembuat/{maker}/saldo";
        await using var db = factory.OpenDb();
        var payouts = await db.Payouts.CountAsync(p => p.MakerId == maker);
        foreach (var (typed, message) in Refused)
        {
            var response = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Amount"] = typed, ["Method"] = "Cash" }, "form[action*=Payout]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(payouts, await db.Payouts.CountAsync(p => p.MakerId == maker));
        var paid = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Amount"] = "Rp 10.000", ["Method"] = "Cash" }, "form[action*=Payout]");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(Money.Of(10_000), await db.Payouts.Where(p => p.MakerId == maker).OrderByDescending(p => p.Id).Select(p => p.Amount).FirstAsync());
    }

    [Fact]
    public async Task Target_amounts_that_cannot_be_read_are_refused_and_the_target_stays()
    {
        using var officer = await SignedInAsync(factory, "petugas");
        var page = await officer.GetDocumentAsync("/admin/target");
        var form = Form(page, "main form[method=post]");
        var regency = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=RegencyId]")!.Value;
        var month = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=FromMonth]")!.Value; // a month input, which the client does not collect
        await using var db = factory.OpenDb();
        var targets = await db.MonthlyTargets.Where(t => t.RegencyId == int.Parse(regency)).Select(t => new { t.FromMonth, t.Amount }).ToListAsync();
        foreach (var (typed, message) in Refused)
        {
            var response = await officer.PostFormAsync(form, "/admin/target", new Dictionary<string, string> { ["Amount"] = typed, ["FromMonth"] = month });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(message, html);
            // Only the row that was sent is marked, and it keeps what was typed.
            var answer = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            Assert.True(answer.QuerySelectorAll("input[name=Amount]").Length > 1, "the officer sees several regencies");
            var marked = answer.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Amount][aria-invalid=true]").ToList();
            Assert.Equal([$"amount-{regency}"], marked.Select(i => i.Id ?? "").ToList());
            Assert.Equal(typed, marked[0].Value);
        }
        Assert.Equal(targets.Count, await db.MonthlyTargets.CountAsync(t => t.RegencyId == int.Parse(regency)));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(form, "/admin/target", new Dictionary<string, string> { ["Amount"] = "Rp2.450.000", ["FromMonth"] = month })).StatusCode);
        Assert.Contains(await db.MonthlyTargets.Where(t => t.RegencyId == int.Parse(regency)).Select(t => t.Amount).ToListAsync(), a => a == Money.Of(2_450_000));
    }

    [Fact]
    public async Task Listing_prices_and_price_filters_go_through_the_same_reader()
    {
        using var maker = await SignedInAsync(factory, "pembuat");
        foreach (var (typed, message) in Refused)
        {
            var form = Workspace.WorkspaceSteps.ListingForm("Tas anyaman pandan " + typed);
            form["Form.Price"] = typed;
            var response = await maker.SubmitAsync("/toko-saya/produk/baru", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // An empty price is named by the listing form itself, the others explained by the rupiah reader.
            Assert.Contains(typed.Length == 0 ? "Harga belum diisi" : message, await response.Content.ReadAsStringAsync());
        }
        var good = Workspace.WorkspaceSteps.ListingForm("Tas anyaman pandan besar");
        good["Form.Price"] = "Rp45.000";
        Assert.Equal(HttpStatusCode.Redirect, (await maker.SubmitAsync("/toko-saya/produk/baru", good)).StatusCode);
        await using var db = factory.OpenDb();
        Assert.Equal(Money.Of(45_000), await db.Listings.Where(l => l.Title == "Tas anyaman pandan besar").Select(l => l.Price).SingleAsync());

        using var visitor = ShopClient.For(factory);
        var filtered = await visitor.Http.GetAsync("/cari?q=tas&harga-maks=%EF%BC%91%EF%BC%90%EF%BC%90"); // full-width digits: a message, not a 500
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
    }

    [Fact]
    public async Task Five_corrections_of_one_payout_at_once_leave_one_entry_and_the_others_are_told_it_was_corrected()
    {
        var maker = await RichMakerAsync();
        Guid mentorId;
        await using (var db = factory.OpenDb()) mentorId = await BackOfficeData.PersonAsync(db, "pendamping");
        var payout = await factory.WithScopeAsync(s => s.GetRequiredService<RevenueLedger>().RecordPayoutAsync(maker, Money.Of(5_000), PayoutMethod.Cash, "Keliru", mentorId));
        var url = $"/admin/pembuat/{maker}/saldo";
        var clients = new List<ShopClient>();
        var forms = new List<AngleSharp.Html.Dom.IHtmlFormElement>();
        foreach (var login in new[] { "pendamping", "pendamping", "admin", "admin", "petugas" })
        {
            var client = await SignedInAsync(factory, login);
            clients.Add(client);
            var page = await client.GetDocumentAsync(url);
            forms.Add((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains($"payoutId={payout.Payout!.Id}")));
        }

        var start = new TaskCompletionSource();
        var posts = clients.Select(async (c, i) => { await start.Task; return await c.PostFormAsync(forms[i], url, new Dictionary<string, string> { ["ReversalNote"] = "Salah catat" }); }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var notices = new List<string>();
        foreach (var client in clients) notices.Add(await client.Http.GetStringAsync(url));
        Assert.Single(notices, n => n.Contains("Pembayaran dikoreksi"));
        Assert.Equal(4, notices.Count(n => n.Contains("sudah dikoreksi")));
        await using var check = factory.OpenDb();
        Assert.Equal(1, await check.LedgerEntries.CountAsync(e => e.PayoutId == payout.Payout!.Id && e.Kind == LedgerEntryKind.PayoutReversal));
        clients.ForEach(c => c.Dispose());
    }
}
