using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Organisation;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class AdministrationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_administrator_edits_a_group_and_an_account_on_a_phone_and_every_new_page_passes_axe()
    {
        int group;
        Guid person;
        await using (var db = fixture.Shop.OpenDb())
        {
            group = await db.Groups.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            person = await db.Users.Where(u => u.UserName == "pembeli4").Select(u => u.Id).SingleAsync();
        }
        foreach (var (width, height) in new[] { (360, 740), (1280, 800) })
        {
            var page = await fixture.NewPageAsync(width, height);
            await page.GotoAsync("/masuk");
            await page.GetByLabel("Nama pengguna atau email").FillAsync("admin");
            await page.GetByLabel("Kata sandi").FillAsync(ShopClient.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
            await page.WaitForURLAsync("**/admin");

            foreach (var url in new[] { "/admin/kelola", $"/admin/kelola/kelompok/{group}", "/admin/kelola/orang", $"/admin/kelola/orang/{person:N}", "/admin/kelola/kategori/1" })
            {
                await page.GotoAsync(url);
                var axe = await page.RunAxe();
                var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url} {v.Id}: {v.Help}").ToList();
                Assert.True(serious.Count == 0, string.Join("\n", serious));
                // Nothing wider than the screen: the forms wrap on a phone.
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{url} scrolls sideways at {width} px");
            }

            await page.GotoAsync($"/admin/kelola/kelompok/{group}");
            await page.GetByLabel("Alamat pengambilan").FillAsync($"Jl. Cempaka {width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Disimpan");
            await BrowserFixture.ScreenshotAsync(page, $"admin-group-{width}");
            await page.Context.CloseAsync();
        }
        await using var check = fixture.Shop.OpenDb();
        Assert.Equal("Jl. Cempaka 1280", await check.Groups.Where(g => g.Id == group).Select(g => g.PickupAddress).SingleAsync());
    }

    [Fact]
    public async Task A_refused_group_fee_takes_the_focus_and_is_read_with_its_field_on_a_phone()
    {
        int group;
        await using (var db = fixture.Shop.OpenDb()) group = await db.Groups.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync("admin");
        await page.GetByLabel("Kata sandi").FillAsync(ShopClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");

        await page.GotoAsync($"/admin/kelola/kelompok/{group}");
        // Before anything is sent there is no error box at all, visible or empty.
        Assert.Equal(0, await page.Locator(".error-summary, .validation-summary-valid, .alert-danger").CountAsync());
        await page.GetByLabel("Bagian kelompok dari tiap penjualan (%)").FillAsync("dua setengah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        var fee = page.GetByLabel("Bagian kelompok dari tiap penjualan (%)");
        await Assertions.Expect(fee).ToBeFocusedAsync();
        await Assertions.Expect(fee).ToHaveValueAsync("dua setengah");
        await Assertions.Expect(fee).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Bagian kelompok 0 sampai di bawah 100%"));
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_set_password_page_works_on_a_phone_and_a_wrong_link_gets_a_clear_message()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/atur-sandi?orang={Guid.NewGuid():N}&token=bukan-token");
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        await page.GetByLabel("Kata sandi baru").FillAsync("kopi-tubruk-88");
        await page.GetByLabel("Ulangi kata sandi").FillAsync("kopi-tubruk-88");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tautan ini tidak berlaku lagi");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await BrowserFixture.ScreenshotAsync(page, "set-password-360");
        await page.Context.CloseAsync();
    }
}
