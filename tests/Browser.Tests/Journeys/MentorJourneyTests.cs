using Microsoft.Playwright;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class MentorJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_mentor_invites_a_maker_who_joins_from_a_phone_and_reaches_the_workspace()
    {
        var mentor = await fixture.NewPageAsync();
        await mentor.GotoAsync("/masuk");
        await mentor.GetByLabel("Nama pengguna atau email").FillAsync("pendamping");
        await mentor.GetByLabel("Kata sandi").FillAsync("PasKreatif-2026");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin");
        Assert.True(await mentor.Locator("table.data-table tbody tr").CountAsync() >= 1);

        await mentor.GotoAsync("/admin/pembuat/undang");
        await mentor.GetByLabel("Catatan untuk Anda (tidak tampil di toko)").FillAsync("Mbak Wulan");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Buat tautan undangan" }).ClickAsync();
        var link = await mentor.Locator("#invite-link").InputValueAsync();
        Assert.Contains("/undangan/", link);
        Assert.StartsWith("https://wa.me/?text=", await mentor.GetByRole(AriaRole.Link, new() { Name = "Kirim lewat WhatsApp" }).GetAttributeAsync("href"));
        await BrowserFixture.ScreenshotAsync(mentor, "mentor-invite-360");

        var maker = await fixture.NewPageAsync();
        await maker.GotoAsync(link);
        await maker.GetByLabel("Nama tampilan").FillAsync("Mbak Wulan");
        await maker.GetByLabel("Nama pengguna").FillAsync("wulan.jahit");
        await maker.GetByLabel("Kata sandi baru").FillAsync("benang-merah-9");
        await maker.GetByRole(AriaRole.Button, new() { Name = "Buat akun saya" }).ClickAsync();
        await maker.WaitForURLAsync("**/toko-saya");
        Assert.True(await maker.GetByRole(AriaRole.Heading, new() { Name = "Halo, Mbak Wulan" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(maker, "maker-joined-360");
    }
}
