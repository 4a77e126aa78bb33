using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Browser.Tests;

/// <summary>The real site on Kestrel and one headless Debian Chromium, shared by a collection.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    readonly MidtransShopFactory shop; // with the Stripe and Midtrans fakes, for the card, QRIS and virtual account journeys
    readonly SemaphoreSlim simulatorStart = new(1, 1);
    SimulatorShopFactory? simulatorShop;
    IPlaywright? playwright;

    public BrowserFixture() : this(new MidtransShopFactory()) { }

    protected BrowserFixture(MidtransShopFactory shop) => this.shop = shop;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public ShopFactory Shop => shop;
    public FakeStripe Stripe => shop.Stripe;
    public FakeMidtrans Midtrans => shop.Midtrans;

    public static string Artifacts { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("PASKREATIF_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "pk-browser"), "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        await ((IAsyncLifetime)shop).InitializeAsync();
        shop.UseKestrel(0);
        shop.StartServer();
        BaseUrl = shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Artifacts);
    }

    /// <summary>A fresh visitor: own cookies, a phone-sized screen unless told otherwise, Indonesian browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 360, int height = 740, string locale = "id-ID", string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A second real shop, as ./run.sh starts it for the demo: no Midtrans keys, the payment simulator on,
    /// on Kestrel of its own (the simulator notifies the shop over HTTP). Started on first use, by the journeys that need it.
    /// </summary>
    public async Task<SimulatorShopFactory> SimulatorShopAsync()
    {
        await simulatorStart.WaitAsync();
        try
        {
            if (simulatorShop is null)
            {
                var started = new SimulatorShopFactory();
                await started.InitializeAsync();
                simulatorShop = started;
            }
            return simulatorShop;
        }
        finally
        {
            simulatorStart.Release();
        }
    }

    /// <summary>Opens the header's menu (account, language, zone) unless it is open already.</summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        if (await page.Locator("details.site-menu[open]").CountAsync() == 0)
            await page.Locator("details.site-menu > summary").ClickAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await ((IAsyncLifetime)shop).DisposeAsync();
        if (simulatorShop is not null) await ((IAsyncLifetime)simulatorShop).DisposeAsync();
    }
}

/// <summary>As <see cref="BrowserFixture"/>, with the shop's mail queue running and delivering to the real test SMTP server.</summary>
public sealed class MailingBrowserFixture() : BrowserFixture(new MailingMidtransShopFactory())
{
    public TestMailServer Mail { get; } = TestMailServer.Current;

    sealed class MailingMidtransShopFactory : MidtransShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            MailingShopFactory.SendMail(builder);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MailingBrowserCollection : ICollectionFixture<MailingBrowserFixture>
{
    public const string Name = "Browser with mail";
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
