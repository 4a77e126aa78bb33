using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using Xunit.Abstractions;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Integration.Tests.Reliability;

/// <summary>The shop on a PostgreSQL cluster of its own, which the test stops and starts.</summary>
public sealed class OwnPostgresShopFactory : ShopFactory
{
    public PrivatePostgres Postgres { get; } = new();

    public override async Task InitializeAsync()
    {
        await Postgres.CreateAsync();
        await Postgres.CopyTemplateAsync("shop");
        // Set only now: the host reads the connection string when it is first built.
        Database = "shop";
    }

    public override string ConnectionString => Postgres.ConnectionString(Database);

    protected override async Task DropDatabaseAsync() => await Postgres.DisposeAsync();
}

public class DatabaseOutageTests(OwnPostgresShopFactory factory, ITestOutputHelper output) : IClassFixture<OwnPostgresShopFactory>
{
    [Fact]
    public async Task While_postgres_is_down_for_10_s_pages_answer_503_and_the_shop_recovers_without_losing_or_doubling_orders()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat", stock: 10);
        var placed = new List<string>();
        foreach (var email in new[] { "sebelum1@contoh.test", "sebelum2@contoh.test" })
        {
            using var buyer = ShopClient.For(factory);
            await Shopping.AddAsync(buyer, listing.Id, 2);
            placed.Add(Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", email)));
        }
        var before = await SnapshotAsync();

        using var waiting = ShopClient.For(factory); // a buyer whose cart is ready when the database goes away
        await Shopping.AddAsync(waiting, listing.Id, 1);
        var (form, fields) = await Shopping.FormAsync(waiting, "BankTransfer", "selama@contoh.test");

        await factory.Postgres.StopAsync();
        var down = Stopwatch.StartNew();
        var answers = 0;
        while (down.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var language in new[] { "id", "en" })
            {
                var page = await GetAsync(waiting, "/keranjang", language);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(10), page.Headers.RetryAfter?.Delta);
                Assert.Contains(language == "en" ? "We will be back in a moment" : "Sebentar lagi kami kembali", await page.Content.ReadAsStringAsync());
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await waiting.Http.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await waiting.PostFormAsync(form, "/checkout", fields)).StatusCode);
            answers += 4;
        }
        await factory.Postgres.StartAsync();
        var up = Stopwatch.StartNew();

        while ((await waiting.Http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
            Assert.True(up.Elapsed < TimeSpan.FromSeconds(60), "The shop did not recover within 60 s of the database's return.");
        var recovered = up.Elapsed;
        Assert.Equal(HttpStatusCode.OK, (await waiting.Http.GetAsync("/keranjang")).StatusCode);
        var after = Shopping.Token(await Shopping.CheckoutAsync(waiting, "BankTransfer", "selama@contoh.test"));

        var now = await SnapshotAsync();
        Assert.Equal(before.Orders.Append(after).Order(), now.Orders.Order()); // nothing lost, nothing doubled, nothing half-made
        foreach (var token in placed) Assert.Equal(before.Lines[token], now.Lines[token]);
        Assert.Equal(before.Payments + 1, now.Payments);
        Assert.Equal(10 - 2 - 2 - 1, await Shopping.StockAsync(factory, listing.Id));
        Assert.True(answers >= 8, $"only {answers} answers during the outage");
        var measured = $"Outage: {answers} answers in {down.Elapsed.TotalSeconds:0.0} s, all 503; healthy again {recovered.TotalMilliseconds:0} ms after the restart.";
        output.WriteLine(measured); // kept in the TRX
        Console.WriteLine(measured); // and in ./test.sh's log
    }

    static async Task<HttpResponseMessage> GetAsync(ShopClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.Http.SendAsync(request);
    }

    sealed record Snapshot(List<string> Orders, Dictionary<string, string> Lines, int Payments);

    async Task<Snapshot> SnapshotAsync()
    {
        await using var db = factory.OpenDb();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).ToListAsync();
        return new Snapshot(orders.Select(o => o.PublicToken).ToList(),
            orders.ToDictionary(o => o.PublicToken, o => string.Join(",", o.Lines.OrderBy(l => l.Id).Select(l => $"{l.ListingId}x{l.Quantity}"))),
            await db.Payments.CountAsync());
    }
}
