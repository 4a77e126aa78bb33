using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>Every /admin route, CSV export and chart page walked by staff of another group and another office.</summary>
public class ScopingWalkTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    sealed record Target(int Group, int Office, int Regency, int Listing, int Maker, int Payout, string ListingTitle, int Review, int Programme = 0, int Category = 0, Guid Person = default);

    async Task<Target> TargetAsync()
    {
        await using var db = factory.OpenDb();
        var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
        var office = await db.Groups.Where(g => g.Id == group).Select(g => g.OfficeId).SingleAsync();
        var listing = await BackOfficeData.SubmittedListingAsync(db, group, "Lampu Hias Botol Kaca " + Guid.NewGuid().ToString("N")[..4]);
        var maker = await db.Makers.SingleAsync(m => m.Id == listing.MakerId);
        maker.Story = MakerStory.Submitted(null, "Cerita yang menunggu.", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        var payout = await db.Payouts.Where(p => db.Set<Maker>().Any(m => m.Id == p.MakerId && m.HomeGroupId == group)).Select(p => p.Id).FirstAsync();
        var regency = await db.Regencies.Where(r => r.OfficeId == office).Select(r => r.Id).FirstAsync();
        var review = await PendingReviewAsync(db, listing); // the Reviews tab
        return new Target(group, office, regency, listing.Id, maker.Id, payout, listing.Title, review, listing.ProgrammeId, listing.CategoryId, maker.PersonId);
    }

    static async Task<int> PendingReviewAsync(PasKreatif.Persistence.MarketplaceDb db, Listing listing)
    {
        var (_, line) = await Trust.TrustData.OrderAsync(db, "pembeli", listing);
        var review = new PasKreatif.Reviews.Review
        {
            ListingId = listing.Id, MakerId = listing.MakerId, OrderLineId = line, BuyerId = await BackOfficeData.PersonAsync(db, "pembeli"),
            BuyerShownName = "Uji P.", Stars = 3, Text = "Ulasan yang menunggu.", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    static string[] Reads(Target t) =>
    [
        $"/admin/moderasi/produk/{t.Listing}", $"/admin/moderasi/cerita/{t.Maker}", $"/admin/moderasi/ulasan/{t.Review}",
        $"/admin/pembuat/{t.Maker}", $"/admin/pembuat/{t.Maker}/saldo", $"/admin/pembuat/{t.Maker}/saldo?handler=Csv",
        $"/admin/pembuat/{t.Maker}/kemandirian", $"/admin/pembuat/{t.Maker}/kemandirian?handler=Csv",
        $"/admin/kemandirian/kelompok/{t.Group}",
        .. new[] { "tren", "tingkat", "program", "pembuat" }.Select(table => $"/admin/kemandirian/kelompok/{t.Group}?handler=Csv&table={table}"),
        $"/admin/kemandirian/bapas/{t.Office}",
        .. new[] { "tren", "tingkat", "program", "pembuat" }.Select(table => $"/admin/kemandirian/bapas/{t.Office}?handler=Csv&table={table}"),
    ];

    static (string Url, Dictionary<string, string> Fields)[] Writes(Target t) =>
    [
        ($"/admin/moderasi/produk/{t.Listing}?handler=Approve", []),
        ($"/admin/moderasi/produk/{t.Listing}?handler=Reject", new() { ["Note"] = "Tidak." }),
        ($"/admin/moderasi?handler=ApproveMany", new() { ["selected"] = t.Listing.ToString() }),
        ($"/admin/moderasi/cerita/{t.Maker}?handler=Approve", []),
        ($"/admin/moderasi/ulasan/{t.Review}?handler=Approve", []),
        ($"/admin/moderasi/ulasan/{t.Review}?handler=Reject", new() { ["Note"] = "Tidak." }),
        ($"/admin/moderasi/cerita/{t.Maker}?handler=Reject", new() { ["Note"] = "Tidak." }),
        ($"/admin/pembuat/{t.Maker}?handler=Profile", new() { ["DisplayName"] = "Diganti Orang Lain", ["HomeGroupId"] = t.Group.ToString(), ["RegencyId"] = t.Regency.ToString(), ["ProgrammeIds"] = "1" }),
        ($"/admin/pembuat/{t.Maker}?handler=Milestone", new() { ["Kind"] = "Job", ["Date"] = "2026-01-05", ["MilestoneNote"] = "x" }),
        ($"/admin/pembuat/{t.Maker}/saldo?handler=Payout", new() { ["Amount"] = "1000", ["Method"] = "Cash" }),
        ($"/admin/pembuat/{t.Maker}/saldo?handler=Reverse&payoutId={t.Payout}", new() { ["ReversalNote"] = "x" }),
        ("/admin/pembuat/undang", new() { ["GroupId"] = t.Group.ToString() }),
        ("/admin/target", new() { ["RegencyId"] = t.Regency.ToString(), ["Amount"] = "1", ["FromMonth"] = "2030-01" }),
        ("/admin/kelola?handler=Programme", new() { ["ParentId"] = t.Group.ToString(), ["Name"] = "Program Penyusup" }),
        ("/admin/kelola?handler=Staff", new() { ["UserName"] = "pembeli", ["Role"] = "Administrator" }),
        .. AdministratorsOnly(t).Select(url => (url + "?handler=Remove", new Dictionary<string, string>())),
        ($"/admin/kelola/kategori/{t.Category}?handler=Save", new() { ["NameId"] = "Kategori Penyusup", ["NameEn"] = "Intruder", ["Position"] = "1" }),
        ("/admin/kelola/orang?handler=Create", new() { ["Account.UserName"] = "penyusup", ["Account.DisplayName"] = "Penyusup", ["Account.Roles"] = "Administrator" }),
        ($"/admin/kelola/orang/{t.Person:N}?handler=Lock", []),
        ($"/admin/kelola/orang/{t.Person:N}?handler=PasswordLink", []),
        ($"/admin/kelola/orang/{t.Person:N}?handler=Save", new() { ["Account.UserName"] = "penyusup2", ["Account.DisplayName"] = "Penyusup", ["Account.Roles"] = "Administrator" }),
    ];

    /// <summary>Administration routes: every other role gets 403, even staff whose scope holds the row.</summary>
    static string[] AdministratorsOnly(Target t) =>
    [
        $"/admin/kelola/bapas/{t.Office}", $"/admin/kelola/kabupaten/{t.Regency}", $"/admin/kelola/kelompok/{t.Group}",
        $"/admin/kelola/program/{t.Programme}", $"/admin/kelola/kategori/{t.Category}",
        "/admin/kelola/orang", $"/admin/kelola/orang/{t.Person:N}",
    ];

    async Task<string> OutsiderAsync(string prefix, Func<string, Task<bool>> outside)
    {
        await using var db = factory.OpenDb();
        var names = await db.Users.Where(u => u.UserName!.StartsWith(prefix)).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync();
        foreach (var name in names)
            if (await outside(name)) return name;
        throw new InvalidOperationException($"No {prefix} outside the target in the demo data.");
    }

    [Fact]
    public async Task Staff_of_another_group_or_office_get_404_or_403_on_every_route_and_change_nothing()
    {
        var t = await TargetAsync();
        var mentor = await OutsiderAsync("pendamping", async name =>
        {
            await using var db = factory.OpenDb();
            return !(await BackOfficeData.MentoredGroupsAsync(db, name)).Contains(t.Group);
        });
        var officer = await OutsiderAsync("petugas", async name =>
        {
            await using var db = factory.OpenDb();
            var id = await BackOfficeData.PersonAsync(db, name);
            return !await db.OfficeOfficers.AnyAsync(o => o.PersonId == id && o.OfficeId == t.Office);
        });

        // The insider reaches every read, so a 404 below means scope, not a broken page.
        using (var insider = ShopClient.For(factory))
        {
            await insider.SignInAsync("petugas");
            foreach (var url in Reads(t))
                Assert.True((await insider.Http.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"petugas could not open {url}");
        }

        foreach (var outsider in new[] { mentor, officer })
        {
            using var client = ShopClient.For(factory);
            await client.SignInAsync(outsider);
            foreach (var url in Reads(t).Concat(["/admin/pengaturan", "/admin/jobs", "/admin/kelola"]).Concat(AdministratorsOnly(t)))
            {
                var status = (await client.Http.GetAsync(url)).StatusCode;
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{outsider} got {(int)status} on GET {url}");
            }
            foreach (var (url, fields) in Writes(t))
            {
                var status = (await client.PostWithTokenAsync(url, fields)).StatusCode;
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{outsider} got {(int)status} on POST {url}");
            }
            var lists = string.Join("\n", await Task.WhenAll(new[] { "/admin/moderasi", "/admin/moderasi/ulasan", "/admin/pembuat", "/admin/kemandirian" }.Select(u => client.Http.GetStringAsync(u))));
            Assert.DoesNotContain(t.ListingTitle, lists);
            Assert.DoesNotContain($"/admin/pembuat/{t.Maker}\"", lists);
            Assert.DoesNotContain($"/admin/moderasi/ulasan/{t.Review}\"", lists);
            Assert.DoesNotContain($"/admin/kemandirian/kelompok/{t.Group}\"", lists);
        }

        // A mentor is not an officer: targets answer 403 even for their own office.
        using (var own = ShopClient.For(factory))
        {
            await own.SignInAsync("pendamping");
            Assert.Equal(HttpStatusCode.Forbidden, (await own.Http.GetAsync("/admin/target")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await own.Http.GetAsync($"/admin/kemandirian/bapas/{t.Office}")).StatusCode);
        }
        foreach (var insider in new[] { "pendamping", "petugas" })
        {
            using var own = ShopClient.For(factory);
            await own.SignInAsync(insider);
            foreach (var url in AdministratorsOnly(t))
                Assert.Equal(HttpStatusCode.Forbidden, (await own.Http.GetAsync(url)).StatusCode);
        }

        await using var check = factory.OpenDb();
        Assert.Equal(ListingStatus.Submitted, (await check.Listings.SingleAsync(l => l.Id == t.Listing)).Status);
        var maker = await check.Makers.SingleAsync(m => m.Id == t.Maker);
        Assert.Equal(StoryStatus.Pending, maker.Story.Status);
        Assert.Equal(PasKreatif.Reviews.ReviewStatus.Pending, (await check.Set<PasKreatif.Reviews.Review>().SingleAsync(r => r.Id == t.Review)).Status);
        Assert.NotEqual("Diganti Orang Lain", maker.DisplayName);
        Assert.False(await check.Milestones.AnyAsync(m => m.MakerId == t.Maker && m.Note == "x"));
        Assert.False(await check.LedgerEntries.AnyAsync(e => e.PayoutId == t.Payout && e.Kind == PasKreatif.Ledger.LedgerEntryKind.PayoutReversal));
        Assert.False(await check.MonthlyTargets.AnyAsync(m => m.FromMonth == new DateOnly(2030, 1, 1)));
        Assert.False(await check.Programmes.AnyAsync(p => p.Name == "Program Penyusup"));
        Assert.False(await check.Categories.AnyAsync(c => c.NameId == "Kategori Penyusup"));
        Assert.False(await check.Users.AnyAsync(u => u.UserName!.StartsWith("penyusup")));
        Assert.Null((await check.Users.SingleAsync(u => u.Id == t.Person)).LockoutEnd);
        Assert.True(await check.Offices.AnyAsync(o => o.Id == t.Office) && await check.Groups.AnyAsync(g => g.Id == t.Group));
    }
}
