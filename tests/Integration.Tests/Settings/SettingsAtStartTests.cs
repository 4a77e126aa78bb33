using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Backup;
using PasKreatif.Demo;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.People;
using PasKreatif.Storefront.Hosting;
using PasKreatif.Storefront.Pages.Info;

namespace PasKreatif.Integration.Tests.Settings;

/// <summary>The real host with a few settings of its own, on a database shared by the cases (none of them writes).</summary>
public sealed class ShopWithSettings : ShopFactory
{
    readonly IReadOnlyDictionary<string, string> settings;

    public ShopWithSettings(string database, IReadOnlyDictionary<string, string> settings)
    {
        Database = database;
        this.settings = settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>Every setting group is bound and checked when the shop starts: a bad value stops it with a message naming the key.</summary>
public class SettingsAtStartTests : IAsyncLifetime
{
    string database = "";

    public async Task InitializeAsync() => database = await TestDatabases.CreateFromTemplateAsync(nameof(SettingsAtStartTests));

    public Task DisposeAsync() => TestDatabases.DropAsync(database);

    static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AggregateException all)
                foreach (var inner in all.InnerExceptions.SelectMany(Messages)) yield return inner;
        }
    }

    [Theory]
    [InlineData("Orders:CardPaymentMinutes", "0")]
    [InlineData("Orders:BankTransferHours", "dua")]
    [InlineData("Smtp:Port", "70000")]
    [InlineData("Smtp:From", "toko-tanpa-domain")]
    [InlineData("Media:Store", "Disk")]
    [InlineData("Jobs:PollSeconds", "0")]
    [InlineData("RateLimits:WindowSeconds", "-1")]
    [InlineData("PasswordReset:Hours", "0")]
    [InlineData("Proxy:KnownProxies", "10.0.0.5, 10.0.0.300")]
    [InlineData("Metrics:AllowedNetworks", "10.0.0.0/99")]
    [InlineData("Backup:KeepDays", "0")]
    [InlineData("Stripe:ApiBase", "ftp://stripe.invalid")]
    [InlineData("Midtrans:ApiBase", "bukan-alamat")]
    [InlineData("Shop:Contact:Email", "halo")]
    [InlineData("Demo:Tier", "raksasa")]
    [InlineData("Shop:BaseUrl", "paskreatif.id")]
    [InlineData("Catalog:PageCacheMegabytes", "0")]
    public void A_bad_value_stops_the_start_with_a_message_naming_the_setting(string key, string value)
    {
        using var shop = new ShopWithSettings(database, new Dictionary<string, string> { [key] = value });
        var refused = Record.Exception(() => shop.CreateClient());
        Assert.NotNull(refused);
        Assert.Contains(Messages(refused), m => m.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Media_on_S3_without_a_bucket_stops_the_start_naming_the_bucket()
    {
        using var shop = new ShopWithSettings(database, new Dictionary<string, string> { ["Media:Store"] = "S3", ["Media:S3:ServiceUrl"] = "http://127.0.0.1:9" });
        Assert.Contains(Messages(Record.Exception(() => shop.CreateClient())), m => m.Contains("Media:S3:Bucket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unset_and_blank_settings_mean_the_defaults_and_the_shop_answers()
    {
        using var shop = new ShopWithSettings(database, new Dictionary<string, string>
        {
            ["Smtp:From"] = " ", ["Media:Store"] = "", ["Backup:Folder"] = "", ["Shop:Contact:Phone"] = "  ",
            ["Proxy:KnownNetworks"] = "172.30.80.0/24, 10.1.0.0/16",
        });
        using var client = shop.CreateClient();
        Assert.True((await client.GetAsync("/tentang")).IsSuccessStatusCode);

        var services = shop.Services;
        var orders = services.GetRequiredService<OrderOptions>();
        Assert.Equal((60, 48, 7), (orders.CardPaymentMinutes, orders.BankTransferHours, orders.CashPickupGraceDays));
        var mail = services.GetRequiredService<MailOptions>();
        Assert.Equal((25, MailOptions.DefaultFrom), (mail.SmtpPort, mail.From));
        Assert.IsType<PickupFolderMailTransport>(services.GetRequiredService<IMailTransport>());
        Assert.IsType<FileSystemMediaStore>(services.GetRequiredService<IMediaStore>());
        Assert.Equal(TestDatabases.MediaRoot, services.GetRequiredService<MediaOptions>().Root);
        Assert.False(services.GetRequiredService<BackupOptions>().IsOn);
        Assert.Equal(14, services.GetRequiredService<BackupOptions>().KeepDays);
        Assert.Equal(5, services.GetRequiredService<JobOptions>().PollSeconds);
        // Cached pages get 32 MB of the shop's memory, not the framework's 100 MB.
        Assert.Equal(32L * 1024 * 1024, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>>().Value.SizeLimit);
        Assert.Equal(2, services.GetRequiredService<PasswordResetSettings>().Hours);
        Assert.Null(services.GetRequiredService<ShopContact>().Phone);
        Assert.Equal(["172.30.80.0/24", "10.1.0.0/16"], services.GetRequiredService<ProxyOptions>().KnownNetworks);
        Assert.Equal(2, services.GetRequiredService<MetricsOptions>().Networks().Count); // loopback, both families
        Assert.True(string.IsNullOrEmpty(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value.Tier));
    }
}
