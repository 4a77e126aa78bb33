using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>The Content-Security-Policy is on in every journey; these prove it blocks nothing the shop needs and does block injected script.</summary>
[Collection(BrowserCollection.Name)]
public class SecurityJourneyTests(BrowserFixture fixture)
{
    static List<string> WatchViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(page.Url + ": " + message.Text);
        };
        return violations;
    }

    [Fact]
    public async Task Shop_workspace_back_office_and_job_dashboard_run_under_the_policy_and_an_injected_script_does_not()
    {
        var page = await fixture.NewPageAsync(1280, 800);
        var violations = WatchViolations(page);
        await page.GotoAsync("/");
        await page.GotoAsync("/cari?q=tas");
        await page.Locator("main a[href^='/produk/']").First.ClickAsync();
        await page.WaitForURLAsync("**/produk/**");

        // An inline script slipped into the page is refused by the browser.
        var ran = await page.EvaluateAsync<bool>("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); return window.__injected === true; }");
        Assert.False(ran);
        Assert.Contains(violations, v => v.Contains("script", StringComparison.OrdinalIgnoreCase));
        violations.Clear();

        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync("admin");
        await page.GetByLabel("Kata sandi").FillAsync(ShopClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        await page.GotoAsync("/admin/kemandirian");
        var chart = page.Locator("canvas[data-chart]");
        if (await chart.CountAsync() == 0)
        {
            await page.Locator("main a[href^='/admin/kemandirian/']").First.ClickAsync();
            await page.WaitForURLAsync("**/admin/kemandirian/**");
        }
        // chart.js and admin-charts.js are files, so the policy lets them draw.
        await page.WaitForFunctionAsync("() => window.Chart && Array.from(document.querySelectorAll('canvas[data-chart]')).some(c => window.Chart.getChart(c))");

        await page.GotoAsync("/admin/jobs");
        await page.WaitForFunctionAsync("() => window.Hangfire !== undefined || document.querySelector('.js-page-container, #stats') !== null");
        await page.GotoAsync("/admin/jobs/recurring");
        Assert.Contains("/admin/jobs/recurring", page.Url, StringComparison.Ordinal);

        // Signing out from the header posts its form with the antiforgery token.
        await page.GotoAsync("/");
        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/$|/masuk"));
        await page.GotoAsync("/");
        await BrowserFixture.OpenMenuAsync(page);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Masuk" }).IsVisibleAsync());
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task A_buyer_resets_a_forgotten_password_from_a_phone()
    {
        var page = await fixture.NewPageAsync();
        var violations = WatchViolations(page);
        await page.GotoAsync("/masuk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lupa kata sandi?" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("pembeli4@pas-kreatif.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tautan" }).ClickAsync();
        await page.GetByText("Jika ada akun dengan alamat itu").WaitForAsync();
        await AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "forgot-password-sent-360");

        var link = await MailedLinkAsync("pembeli4@pas-kreatif.test");
        await page.GotoAsync(link);
        await page.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync("lupa-lagi-2026");
        await page.GetByLabel("Ulangi kata sandi baru").FillAsync("lupa-lagi-2026");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await page.GetByText("Kata sandi Anda sudah diganti").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.GetByLabel("Nama pengguna atau email").FillAsync("pembeli4");
        await page.GetByLabel("Kata sandi").FillAsync("lupa-lagi-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));
        await BrowserFixture.OpenMenuAsync(page);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).IsVisibleAsync());
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    async Task<string> MailedLinkAsync(string address)
    {
        var api = fixture.Shop.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var count = (int)api.EnqueuedCount("default");
        var mail = api.EnqueuedJobs("default", 0, Math.Max(count, 1)).Select(j => j.Value.Job?.Args is [var first, ..] ? first : null).OfType<OutgoingMail>().Last(m => m.To == address);
        return new Uri(Regex.Match(mail.TextBody, @"https?://\S+/atur-ulang-sandi\?\S+").Value).PathAndQuery;
    }

    static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
