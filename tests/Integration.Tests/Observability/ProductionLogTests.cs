using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Observability;

/// <summary>The built shop as operators run it (Production, its own log levels): what it writes while a buyer checks out.</summary>
public class ProductionLogTests : IAsyncLifetime
{
    string database = "";

    public async Task InitializeAsync() => database = await TestDatabases.CreateFromTemplateAsync("prodlogs");

    public Task DisposeAsync() => TestDatabases.DropAsync(database);

    [Fact]
    public async Task Logs_are_json_lines_with_trace_ids_and_hold_no_buyer_data()
    {
        int listingId;
        await using (var db = TestDatabases.Open(database))
        {
            listingId = await db.Listings.Where(l => l.Status == ListingStatus.Approved).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
            await db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Stock, 10).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 0)
                .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping));
        }
        using var shop = new ShopProcess(TestDatabases.ConnectionString(database), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Information", // the shop's own appsettings decide the rest
        });
        await shop.StartAsync();

        const string name = "Wulandari Kusumastuti", phone = "0813 9876 5432", address = "Jl. Kenanga Raya No. 77, Banyumas", email = "wulandari.k@contoh.test";
        using var buyer = shop.Client();
        await Shopping.AddAsync(buyer, listingId, 2);
        var placed = await Shopping.CheckoutAsync(buyer, "BankTransfer", email, new Dictionary<string, string> { ["Name"] = name, ["Phone"] = phone, ["Address"] = address });
        var token = Shopping.Token(placed);
        Assert.Equal(HttpStatusCode.OK, (await buyer.Http.GetAsync($"/pesanan/{token}")).StatusCode);
        // An unknown order token too: a refusal must not log what was asked for.
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.GetAsync($"/pesanan/{token}x")).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!shop.Output.Any(l => l.Contains("placed", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(200);
        shop.Kill();
        var lines = shop.Output.Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l.Contains("placed", StringComparison.Ordinal));

        var withTrace = 0;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line); // every line is one JSON object
            Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
            if (json.RootElement.TryGetProperty("Scopes", out var scopes)
                && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString()?.Length == 32))
                withTrace++;
        }
        Assert.True(withTrace > 0, "no log line carries a trace id");

        var all = string.Join("\n", lines);
        foreach (var secret in new[] { name, "Wulandari", "Kusumastuti", phone, phone.Replace(" ", ""), "Kenanga", email, token })
            Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_demo_start_with_the_payment_simulator_records_it_and_warns_of_nothing_while_a_guest_pays_by_QRIS()
    {
        var listingId = await ListingInStockAsync();
        using var shop = new ShopProcess(TestDatabases.ConnectionString(database), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", // as ./run.sh: no Midtrans keys, the simulator and the job server on
            ["Midtrans__Simulator"] = "true",
            ["Jobs__RunServer"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
        });
        await shop.StartAsync();
        using var buyer = shop.Client();
        Assert.Equal(HttpStatusCode.OK, (await buyer.Http.GetAsync("/")).StatusCode);
        await Shopping.AddAsync(buyer, listingId, 1);
        var token = Shopping.Token(await Shopping.CheckoutAsync(buyer, "Qris", "demo.tamu@contoh.test"));
        var page = await buyer.GetDocumentAsync($"/pesanan/{token}");
        var link = page.QuerySelector("#simulator-link")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.SubmitAsync(link, new Dictionary<string, string>(), "form[action$='handler=Pay']")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await buyer.GetDocumentAsync($"/pesanan/{token}")).QuerySelector("#order-status")!.GetAttribute("data-status") != "Paid" && DateTime.UtcNow < deadline) await Task.Delay(200);
        await Task.Delay(2000); // what the job server does just after start
        shop.Kill();

        var levels = shop.Output.Where(l => l.StartsWith('{')).Select(l => (Line: l, Level: JsonDocument.Parse(l).RootElement.GetProperty("LogLevel").GetString())).ToList();
        foreach (var (line, _) in levels) // Indonesian requests too: a timestamp a log reader can parse
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", JsonDocument.Parse(line).RootElement.GetProperty("Timestamp").GetString());
        Assert.Contains(levels, l => l.Level == "Information" && l.Line.Contains("payment simulator on", StringComparison.Ordinal));
        var loud = levels.Where(l => l.Level is "Warning" or "Error" or "Critical").Select(l => l.Line).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud));
        Assert.Equal("Paid", (await OrderStatusAsync(token)).ToString());
    }

    async Task<int> ListingInStockAsync()
    {
        await using var db = TestDatabases.Open(database);
        var id = await db.Listings.Where(l => l.Status == ListingStatus.Approved).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Stock, 10).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 0)
            .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping));
        return id;
    }

    async Task<PasKreatif.Orders.OrderStatus> OrderStatusAsync(string token)
    {
        await using var db = TestDatabases.Open(database);
        return await db.Orders.Where(o => o.PublicToken == token).Select(o => o.Status).SingleAsync();
    }
}
