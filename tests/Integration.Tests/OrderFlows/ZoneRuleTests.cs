using AngleSharp.Dom;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Independence;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.People;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>
/// One zone rule: a maker's month is their home group's office's, on the maker's page, the mentor's CSV and mail alike,
/// even when their regency belongs to an office in another zone; a regency's target months are its office's.
/// </summary>
public class ZoneRuleTests(ClockedShopFactory factory) : IClassFixture<ClockedShopFactory>
{
    // 23.30 WIB on 31 October is already 00.30 WITA on 1 November.
    static readonly DateTimeOffset LastHalfHourOfOctoberInWib = new(2026, 10, 31, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_sale_late_on_the_last_evening_of_the_month_counts_in_the_home_groups_month_everywhere()
    {
        int makerId, witaOffice;
        string displayName;
        await using (var db = factory.OpenDb())
        {
            var maker = await db.Makers.Include(m => m.HomeGroup).SingleAsync(m => m.Person!.UserName == "pembuat");
            (makerId, displayName) = (maker.Id, maker.DisplayName);
            witaOffice = await db.Offices.Where(o => o.Id != maker.HomeGroup!.OfficeId).Select(o => o.Id).FirstAsync();
            await db.Offices.Where(o => o.Id == witaOffice).ExecuteUpdateAsync(s => s.SetProperty(o => o.Zone, IndonesianZone.WITA));
            var regency = await db.Regencies.Where(r => r.OfficeId == witaOffice).Select(r => r.Id).FirstAsync();
            await db.Makers.Where(m => m.Id == makerId).ExecuteUpdateAsync(s => s.SetProperty(m => m.RegencyId, regency)); // lives across the strait
        }
        var order = await PlaceAsync(factory, "BankTransfer", "akhir-bulan@contoh.test", [("pembuat", 0, 1)],
            new Dictionary<string, string> { ["Deliveries[0].Method"] = "LocalDelivery" });
        factory.Clock.Fixed = LastHalfHourOfOctoberInWib;
        try
        {
            Assert.Equal(OrderChange.Done, await factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, "TRF-ZONE", null)));
            factory.Clock.Fixed = new DateTimeOffset(2026, 11, 10, 5, 0, 0, TimeSpan.Zero);
            Money october;
            await using (var db = factory.OpenDb())
            {
                var from = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();
                var to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();
                october = new Money(await db.LedgerEntries.Where(e => e.MakerId == makerId && e.OccurredAt >= from && e.OccurredAt < to)
                    .SumAsync(e => e.Kind == LedgerEntryKind.Credit ? e.Amount.Amount : e.Kind == LedgerEntryKind.Reversal ? -e.Amount.Amount : 0));
                Assert.True(october >= order.Subtotal);
            }

            // The maker's own page.
            using var maker = await SignedInAsync(factory, "pembuat");
            var earnings = await maker.GetDocumentAsync("/toko-saya/pendapatan");
            var row = earnings.QuerySelectorAll("table tbody tr").Single(r => r.Children[0].TextContent.Trim() == new DateOnly(2026, 10, 1).ToString("MMM yyyy", CultureInfo.GetCultureInfo("id")));
            Assert.Equal(october.ToString(), row.Children[1].TextContent.Trim());

            // The mentor's page as CSV, and the mentor's monthly mail.
            using var mentor = await SignedInAsync(factory, "pendamping");
            var csv = await mentor.Http.GetStringAsync($"/admin/pembuat/{makerId}/kemandirian?handler=Csv");
            Assert.Contains($"\r\n2026-10,{october.Amount.ToString("0", CultureInfo.InvariantCulture)},", csv);
            var mail = await factory.WithScopeAsync(async s =>
            {
                await using var db = factory.OpenDb();
                var person = await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).SingleAsync();
                var scope = await StaffScope.ForAsync(s.GetRequiredService<PasKreatif.Persistence.MarketplaceDb>(), person, [Roles.Mentor]);
                return await s.GetRequiredService<MentorMonthlySummary>().ComposeAsync(scope, "Pendamping", "id");
            });
            Assert.Contains($"- {displayName}: {october} (", mail!.Value.Body);
        }
        finally
        {
            factory.Clock.Fixed = null;
        }
    }

    [Fact]
    public async Task A_regencys_target_month_is_its_offices_month_not_WIB_for_everyone()
    {
        int witaRegency;
        await using (var db = factory.OpenDb())
        {
            var witaOffice = await db.OfficeOfficers.Where(o => db.Users.Any(u => u.Id == o.PersonId && u.UserName == "petugas2")).Select(o => o.OfficeId).SingleAsync();
            await db.Offices.Where(o => o.Id == witaOffice).ExecuteUpdateAsync(s => s.SetProperty(o => o.Zone, IndonesianZone.WITA));
            witaRegency = await db.Regencies.Where(r => r.OfficeId == witaOffice).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        factory.Clock.Fixed = LastHalfHourOfOctoberInWib;
        try
        {
            using var wita = await SignedInAsync(factory, "petugas2");
            var page = await wita.GetDocumentAsync("/admin/target");
            Assert.Equal("2026-11", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#month-{witaRegency}")!.Value); // already November there
            var form = FormHolding(page, $"#month-{witaRegency}");
            var october = await wita.PostFormAsync(form, "/admin/target", new Dictionary<string, string> { ["Amount"] = "3.000.000", ["FromMonth"] = "2026-10" });
            Assert.Equal(HttpStatusCode.OK, october.StatusCode);
            Assert.Contains("Target berlaku mulai bulan ini", await october.Content.ReadAsStringAsync());

            using var wib = await SignedInAsync(factory, "petugas");
            var wibPage = await wib.GetDocumentAsync("/admin/target");
            var wibMonth = (AngleSharp.Html.Dom.IHtmlInputElement)wibPage.QuerySelector("input.target-month")!;
            Assert.Equal("2026-10", wibMonth.Value); // still October in WIB
            var accepted = await wib.PostFormAsync(FormHolding(wibPage, $"#{wibMonth.Id}"), "/admin/target", new Dictionary<string, string> { ["Amount"] = "2.500.000", ["FromMonth"] = "2026-10" });
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }
        finally
        {
            factory.Clock.Fixed = null;
        }
    }

    static AngleSharp.Html.Dom.IHtmlFormElement FormHolding(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.QuerySelector(field) is not null);
}
