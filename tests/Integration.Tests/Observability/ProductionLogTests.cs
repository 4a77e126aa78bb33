using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;

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
}
