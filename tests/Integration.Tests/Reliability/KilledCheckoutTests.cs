using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Reliability;

/// <summary>The shop is killed with SIGKILL while buyers check out; every order is whole with its stock reserved, or absent.</summary>
public class KilledCheckoutTests : IAsyncLifetime
{
    string database = "";

    public async Task InitializeAsync() => database = await TestDatabases.CreateFromTemplateAsync("killed");

    public Task DisposeAsync() => TestDatabases.DropAsync(database);

    [Fact]
    public async Task Orders_placed_while_the_process_is_killed_are_whole_with_their_stock_or_absent()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        int firstNewOrder;
        Dictionary<int, int> stockBefore;
        await using (var db = TestDatabases.Open(database))
        {
            var listings = await db.Listings.Where(l => l.Status == ListingStatus.Approved).OrderBy(l => l.Id).Take(4).Select(l => l.Id).ToListAsync();
            await db.Listings.Where(l => listings.Contains(l.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Stock, 100_000).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 0)
                .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping));
            stockBefore = listings.ToDictionary(id => id, _ => 100_000);
            firstNewOrder = (await db.Orders.MaxAsync(o => (int?)o.Id) ?? 0) + 1;
        }

        var interrupted = 0;
        var placedSeen = 0;
        for (var round = 0; round < 3; round++)
        {
            using var shop = new ShopProcess(TestDatabases.ConnectionString(database));
            await shop.StartAsync();
            using var stop = new CancellationTokenSource();
            var buyers = Enumerable.Range(0, 6).Select(b => BuyAsync(shop, stockBefore.Keys.ToList(), b, stop.Token)).ToList();
            // Let checkouts get through, then kill at a random moment while more are in flight.
            await OrdersAppearAsync(firstNewOrder, round + 1);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500)));
            shop.Kill();
            await stop.CancelAsync();
            foreach (var result in await Task.WhenAll(buyers))
            {
                placedSeen += result.Placed;
                interrupted += result.Interrupted;
            }
        }

        await using var check = TestDatabases.Open(database);
        var orders = await check.Orders.AsNoTracking().Where(o => o.Id >= firstNewOrder)
            .Include(o => o.Lines).Include(o => o.Fulfilments).ThenInclude(f => f.Lines).Include(o => o.Payments).ToListAsync();
        Assert.True(orders.Count >= placedSeen, $"{placedSeen} orders were confirmed to buyers but only {orders.Count} exist");
        Assert.True(orders.Count >= 3, "fewer checkouts went through than rounds");
        foreach (var order in orders)
        {
            Assert.NotEmpty(order.Lines);
            Assert.NotEmpty(order.Fulfilments);
            Assert.All(order.Fulfilments, f => Assert.NotEmpty(f.Lines));
            Assert.Equal(order.Lines.Count, order.Fulfilments.Sum(f => f.Lines.Count));
            Assert.Single(order.Payments);
            Assert.Equal(Money.Sum(order.Lines.Select(l => l.LineTotal)), order.Subtotal);
            Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        }
        var stockNow = await check.Listings.Where(l => stockBefore.Keys.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Stock);
        foreach (var (listing, before) in stockBefore)
            Assert.Equal(orders.SelectMany(o => o.Lines).Where(l => l.ListingId == listing).Sum(l => l.Quantity), before - stockNow[listing]);
        Console.WriteLine($"Killed 3 times (seed {seed}): {orders.Count} orders whole, {placedSeen} confirmed to buyers, {interrupted} checkouts cut off mid-request.");
    }

    /// <summary>Polls until at least <paramref name="count"/> new orders exist, so each kill finds the shop busy.</summary>
    async Task OrdersAppearAsync(int firstNewOrder, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await using (var db = TestDatabases.Open(database))
                if (await db.Orders.CountAsync(o => o.Id >= firstNewOrder) >= count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No checkout went through within 120 s.");
            await Task.Delay(100);
        }
    }

    sealed record BuyerResult(int Placed, int Interrupted);

    /// <summary>One buyer checking out again and again until the shop dies under them.</summary>
    static async Task<BuyerResult> BuyAsync(ShopProcess shop, List<int> listings, int buyer, CancellationToken stop)
    {
        var (placed, interrupted) = (0, 0);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            using var client = shop.Client();
            try
            {
                foreach (var listing in listings.Skip((buyer + n) % listings.Count).Take(2))
                    await client.SubmitAsync($"/keranjang/tambah/{listing}", new Dictionary<string, string> { ["Quantity"] = (1 + n % 3).ToString() });
                var (form, fields) = await Checkout.Shopping.FormAsync(client, "BankTransfer", $"pembeli{buyer}-{n}@contoh.test");
                HttpResponseMessage answer;
                try
                {
                    answer = await client.PostFormAsync(form, "/checkout", fields);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    interrupted++;
                    break;
                }
                if (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.StartsWith("/pesanan/", StringComparison.Ordinal)) placed++;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
            {
                break; // the shop died between checkouts
            }
        }
        return new BuyerResult(placed, interrupted);
    }
}
