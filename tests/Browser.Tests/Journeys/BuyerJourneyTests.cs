using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class BuyerJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_buyer_lands_on_a_home_page_that_fits_the_screen_and_passes_axe(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/");

        Assert.True(await page.Locator(".product-card").CountAsync() >= 4);
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the {width}px screen.");
        var images = await page.EvaluateAsync<int>("[...document.images].filter(i => !i.getAttribute('width') || !i.getAttribute('height')).length");
        Assert.Equal(0, images);

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await BrowserFixture.ScreenshotAsync(page, $"home-{width}x{height}");
    }

    [Fact]
    public async Task The_language_switch_turns_the_page_English_and_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "New arrivals" }).IsVisibleAsync());

        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await page.WaitForURLAsync("**/");
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
    }
}
