using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Observability;

// Alone: a meter is listened to by name across every host in the process, so another class's host disposed
// mid-run can take the request-duration stream from this host's exporter.
[CollectionDefinition(nameof(MetricsAndHealthTests), DisableParallelization = true)]
public class MetricsRunAlone;

[Collection(nameof(MetricsAndHealthTests))]
public class MetricsAndHealthTests(MetricsAndHealthTests.Factory factory) : IClassFixture<MetricsAndHealthTests.Factory>
{
    public sealed class Factory : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Metrics:AllowedNetworks", "127.0.0.0/8, 10.20.0.0/16");
            builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>());
        }
    }

    [Fact]
    public async Task After_a_checkout_metrics_show_the_order_counter_raised_for_its_payment_method()
    {
        using var scraper = ClientAddress.From(factory, "127.0.0.1");
        var before = Sum(await ScrapeAsync(scraper), "paskreatif_orders_placed_total", "method=\"BankTransfer\"");

        var listing = await Shopping.ListingAsync(factory, "pembuat", stock: 5);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id);
        Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", "metrik@contoh.test"));

        // The exporter keeps a scrape for a moment: poll until the count moves.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        double after;
        string names;
        do
        {
            var text = await ScrapeAsync(scraper);
            after = Sum(text, "paskreatif_orders_placed_total", "method=\"BankTransfer\"");
            names = string.Join(" ", Regex.Matches(text, @"^# TYPE (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        } while ((after < before + 1 || !names.Contains("http_server_request_duration_seconds", StringComparison.Ordinal))
                 && DateTime.UtcNow < deadline && await Delay());
        Assert.True(after >= before + 1, $"paskreatif_orders_placed_total went from {before} to {after}");
        // Runtime and request metrics sit beside the shop's own.
        Assert.True(names.Contains("http_server_request_duration_seconds", StringComparison.Ordinal), names);
        Assert.True(Regex.IsMatch(names, @"\bdotnet_gc_collections"), names);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.21.0.4")]
    public async Task Metrics_are_not_served_outside_the_configured_networks(string address)
    {
        using var outsider = ClientAddress.From(factory, address);
        var response = await outsider.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("paskreatif_", await response.Content.ReadAsStringAsync());

        using var insider = ClientAddress.From(factory, "10.20.7.1");
        Assert.Equal(HttpStatusCode.OK, (await insider.Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Live_and_ready_report_the_process_and_the_database_jobs_and_media()
    {
        using var client = ShopClient.For(factory);
        var live = await client.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await client.Http.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "jobs", "media" })
            Assert.Equal("healthy", checks.GetProperty(name).GetProperty("status").GetString());
        // The scripts' /health stays as it was.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health")).StatusCode);
    }

    static async Task<string> ScrapeAsync(ShopClient client)
    {
        var response = await client.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/>.</summary>
    static double Sum(string exposition, string metric, string label) =>
        Regex.Matches(exposition, $@"^{Regex.Escape(metric)}\{{([^}}]*)\}} ([0-9.eE+-]+)", RegexOptions.Multiline)
            .Where(m => m.Groups[1].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
