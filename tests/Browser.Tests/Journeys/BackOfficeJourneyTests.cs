using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class BackOfficeJourneyTests(BrowserFixture fixture)
{
    static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    async Task<(int Id, string Slug)> SubmittedListingAsync(string title)
    {
        await using var db = fixture.Shop.OpenDb();
        var group = await db.GroupMentors.Where(g => g.Person!.UserName == "pendamping").Select(g => g.GroupId).MinAsync();
        var template = await db.Listings.AsNoTracking().Include(l => l.Maker).Include(l => l.Photos)
            .Where(l => l.Programme!.GroupId == group && l.Status == ListingStatus.Approved && l.Photos.Any()).OrderBy(l => l.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var listing = new Listing
        {
            MakerId = template.MakerId, ProgrammeId = template.ProgrammeId, CategoryId = template.CategoryId,
            Slug = Slugs.From(title), Title = title, Description = "Anyaman rapi dari pandan kering, kuat untuk belanja harian.",
            Price = Money.Of(85_000), Stock = 2, Delivery = DeliveryOptions.Pickup, Status = ListingStatus.Draft, CreatedAt = now, UpdatedAt = now,
            Photos = template.Photos.Where(p => p.RevisionId == null).Select(p => new ListingPhoto { PhotoId = p.PhotoId, Position = p.Position, AltText = title }).ToList(),
        };
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        db.ListingAudit.Add(listing.Submit(template.Maker!.PersonId, now.AddHours(-26)));
        await db.SaveChangesAsync();
        return (listing.Id, listing.Slug);
    }

    [Fact]
    public async Task A_mentor_approves_a_listing_from_a_phone_and_a_buyer_finds_it_on_the_home_page()
    {
        const string title = "Tas Belanja Anyaman Pandan Senja";
        var (id, slug) = await SubmittedListingAsync(title);

        var mentor = await fixture.NewPageAsync(360, 740);
        await mentor.GotoAsync("/masuk");
        await mentor.GetByLabel("Nama pengguna atau email").FillAsync("pendamping");
        await mentor.GetByLabel("Kata sandi").FillAsync(ShopClient.DemoPassword);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin");

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Antrean tinjauan" }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin/moderasi");
        var row = mentor.Locator("tbody tr", new() { HasText = title });
        Assert.Contains("1 hr", await row.Locator("td.num").InnerTextAsync());
        await AssertAccessibleAsync(mentor);
        await BrowserFixture.ScreenshotAsync(mentor, "mentor-queue-360");

        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await mentor.WaitForURLAsync($"**/admin/moderasi/produk/{id}");
        Assert.True(await mentor.Locator("[aria-labelledby=proposed-heading] img").CountAsync() > 0);
        await AssertAccessibleAsync(mentor);
        await BrowserFixture.ScreenshotAsync(mentor, "mentor-review-360");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin/moderasi");
        Assert.Equal(0, await mentor.Locator("tbody tr", new() { HasText = title }).CountAsync());

        var buyer = await fixture.NewPageAsync(360, 740);
        await buyer.GotoAsync("/");
        var card = buyer.Locator($"a[href='/produk/{slug}']");
        await card.ScrollIntoViewIfNeededAsync();
        Assert.True(await card.IsVisibleAsync());
        Assert.Contains(title, await card.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(buyer, "buyer-finds-approved-360");
    }

    [Fact]
    public async Task The_ledger_and_independence_pages_work_on_a_phone_with_their_chart_and_table()
    {
        int makerId, group;
        await using (var db = fixture.Shop.OpenDb())
        {
            group = await db.GroupMentors.Where(g => g.Person!.UserName == "pendamping").Select(g => g.GroupId).MinAsync();
            makerId = await db.Makers.Where(m => m.HomeGroupId == group).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }
        var mentor = await fixture.NewPageAsync(360, 740);
        await mentor.GotoAsync("/masuk");
        await mentor.GetByLabel("Nama pengguna atau email").FillAsync("pendamping");
        await mentor.GetByLabel("Kata sandi").FillAsync(ShopClient.DemoPassword);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin");

        foreach (var (url, name) in new[] { ($"/admin/pembuat/{makerId}/saldo", "ledger"), ($"/admin/pembuat/{makerId}/kemandirian", "maker-independence"), ($"/admin/kemandirian/kelompok/{group}", "group-independence"), ($"/admin/pembuat/{makerId}", "maker-profile") })
        {
            await mentor.GotoAsync(url);
            await AssertAccessibleAsync(mentor);
            var width = await mentor.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var wide = await mentor.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.table-responsive')).slice(0, 3).map(e => e.outerHTML.slice(0, 120)).join(' | ')");
            Assert.True(width <= 360, $"{url} scrolls sideways ({width}px): {wide}");
            await BrowserFixture.ScreenshotAsync(mentor, $"mentor-{name}-360");
        }
        await mentor.GotoAsync($"/admin/kemandirian/kelompok/{group}");
        // Chart.js draws into the canvas: a drawn chart has a non-zero size and a chart instance.
        await mentor.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-chart=trend-data]'))");
    }
}
