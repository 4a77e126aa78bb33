using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Integration.Tests.Checkout;

public class CheckoutTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    [Fact]
    public async Task Forty_buyers_at_once_for_the_last_five_units_make_exactly_five_orders()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat4", stock: 5);
        var buyers = Enumerable.Range(0, 40).Select(_ => ShopClient.For(factory)).ToList();
        var forms = new List<(ShopClient Client, AngleSharp.Html.Dom.IHtmlFormElement Form, Dictionary<string, string> Fields)>();
        foreach (var (buyer, i) in buyers.Select((b, i) => (b, i)))
        {
            await Shopping.AddAsync(buyer, listing.Id);
            var (form, fields) = await Shopping.FormAsync(buyer, "BankTransfer", $"ramai{i}@contoh.test");
            forms.Add((buyer, form, fields));
        }

        // Separate HTTP requests, released together.
        var start = new TaskCompletionSource();
        var posts = forms.Select(async f => { await start.Task; return await f.Client.PostFormAsync(f.Form, "/checkout", f.Fields); }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(posts);

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 5,
            string.Join("; ", responses.Select(r => $"{(int)r.StatusCode} {r.Headers.Location}")));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(35, refused.Count);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Contains("habis", await refused[0].Content.ReadAsStringAsync());
        await using var db = factory.OpenDb();
        Assert.Equal(5, await db.Orders.CountAsync(o => o.BuyerEmail.StartsWith("ramai") && o.Lines.Any(l => l.ListingId == listing.Id)));
        Assert.Equal(0, await Shopping.StockAsync(factory, listing.Id));
        buyers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task An_order_number_already_given_is_drawn_again_and_the_buyer_never_sees_the_clash()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat5", stock: 10);
        using (var earlier = ShopClient.For(factory))
        {
            await Shopping.AddAsync(earlier, listing.Id);
            Assert.Equal(HttpStatusCode.Redirect, (await Shopping.CheckoutAsync(earlier, "BankTransfer", "dulu@contoh.test")).StatusCode);
        }
        await using var db = factory.OpenDb();
        var taken = await db.Orders.Where(o => o.BuyerEmail == "dulu@contoh.test").Select(o => o.Number).SingleAsync();
        // The next order's first number is one already given; a sequence, which no rollback undoes, counts the draws.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE SEQUENCE number_draws_for_test;
            CREATE FUNCTION clash_number_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF nextval('number_draws_for_test') = 1 THEN
                NEW."Number" := (SELECT "Number" FROM "Orders" WHERE "BuyerEmail" = 'dulu@contoh.test'); END IF;
            RETURN NEW; END $$;
            CREATE TRIGGER clash_number_for_test BEFORE INSERT ON "Orders" FOR EACH ROW EXECUTE FUNCTION clash_number_for_test();
            """);
        try
        {
            using var buyer = ShopClient.For(factory);
            await Shopping.AddAsync(buyer, listing.Id);
            var placed = await Shopping.CheckoutAsync(buyer, "BankTransfer", "bentrok@contoh.test");

            Assert.True(placed.StatusCode == HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
            var order = await Shopping.OrderAsync(factory, Shopping.Token(placed));
            Assert.NotEqual(taken, order.Number);
            Assert.Equal("bentrok@contoh.test", order.BuyerEmail);
            Assert.Equal(2L, (await db.Database.SqlQueryRaw<long>("""SELECT last_value AS "Value" FROM number_draws_for_test""").ToListAsync()).Single());
            Assert.Equal(8, await Shopping.StockAsync(factory, listing.Id)); // the clashed attempt's reservation was rolled back
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""
                DROP TRIGGER clash_number_for_test ON "Orders"; DROP FUNCTION clash_number_for_test(); DROP SEQUENCE number_draws_for_test;
                """);
        }
    }

    [Fact]
    public async Task Prices_and_totals_come_from_the_server_whatever_the_form_says()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat5", stock: 10);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 2);
        var placed = await Shopping.CheckoutAsync(buyer, "BankTransfer", "teliti@contoh.test", new Dictionary<string, string>
        {
            ["Total"] = "1", ["Subtotal"] = "1", ["UnitPrice"] = "1", ["Price"] = "1", ["Lines[0].UnitPrice"] = "1",
            ["Deliveries[0].DeliveryCost"] = "0", ["Amount"] = "1",
        });

        var order = await Shopping.OrderAsync(factory, Shopping.Token(placed));
        Assert.Equal(listing.Price * 2, order.Subtotal);
        Assert.Equal(listing.Price * 2, order.Total); // pickup costs nothing
        Assert.Equal(order.Total, order.Payments.Single().Amount);
        Assert.Equal(8, await Shopping.StockAsync(factory, listing.Id));
    }

    [Fact]
    public async Task Card_checkout_asks_Stripe_for_the_server_total_and_sends_the_buyer_there()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat6", stock: 3);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var placed = await Shopping.CheckoutAsync(buyer, "Card", "kartu@contoh.test", new Dictionary<string, string>
        {
            ["Deliveries[0].Method"] = "Shipping", ["Total"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.StartsWith(factory.Stripe.BaseUrl + "/pay/cs_test_", placed.Headers.Location!.OriginalString);
        await using var db = factory.OpenDb();
        var order = await db.Orders.Include(o => o.Payments).SingleAsync(o => o.BuyerEmail == "kartu@contoh.test");
        Assert.True(order.DeliveryTotal > Money.Zero);
        var session = factory.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Form["customer_email"] == "kartu@contoh.test");
        var charged = long.Parse(session.Form["line_items[0][price_data][unit_amount]"]) + long.Parse(session.Form["line_items[1][price_data][unit_amount]"]);
        Assert.Equal((long)(order.Total.Amount * 100), charged);
        Assert.Equal(order.Id.ToString(), session.Form["metadata[order_id]"]);
        var attempt = await db.PaymentAttempts.SingleAsync(a => a.OrderId == order.Id);
        Assert.Equal(attempt.Reference, placed.Headers.Location!.Segments.Last());
        // The session stops taking money when the order stops waiting for it.
        Assert.Equal(order.PaymentDueAt!.Value.ToUnixTimeSeconds(), long.Parse(session.Form["expires_at"]));
    }

    [Fact]
    public async Task Perishables_and_early_pickups_are_refused_with_a_clear_message_and_nothing_reserved()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat7", stock: 4);
        await using (var db = factory.OpenDb())
        {
            var perishable = await db.Categories.Where(c => c.Perishable).Select(c => c.Id).FirstAsync();
            await db.Listings.Where(l => l.Id == listing.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CategoryId, perishable).SetProperty(l => l.LeadTimeDays, 3));
        }
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);

        var shipped = await Shopping.CheckoutAsync(buyer, "BankTransfer", "segar@contoh.test", new Dictionary<string, string> { ["Deliveries[0].Method"] = "Shipping" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shipped.StatusCode);
        var shippedPage = await shipped.Content.ReadAsStringAsync();
        // Beside the maker's delivery choice, not only somewhere on the page.
        Assert.Matches("""data-valmsg-for="Deliveries\[0\]"[^>]*>[^<]*Makanan segar""", shippedPage);

        var tooEarly = await Shopping.CheckoutAsync(buyer, "BankTransfer", "segar@contoh.test",
            new Dictionary<string, string> { ["Deliveries[0].PickupDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Contains("terlalu cepat", await tooEarly.Content.ReadAsStringAsync());

        var badEmail = await Shopping.CheckoutAsync(buyer, "BankTransfer", "bukan-email");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Contains("Alamat email tidak valid", await badEmail.Content.ReadAsStringAsync());

        Assert.Equal(4, await Shopping.StockAsync(factory, listing.Id));
        await using var check = factory.OpenDb();
        Assert.False(await check.Orders.AnyAsync(o => o.BuyerEmail == "segar@contoh.test"));
        Assert.Contains(listing.Title, await buyer.Http.GetStringAsync("/keranjang")); // the cart lost nothing
    }

    [Fact]
    public async Task An_unpaid_order_expires_and_releases_its_stock_once()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat8", stock: 3);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 2);
        var token = Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", "lupa@contoh.test"));
        Assert.Equal(1, await Shopping.StockAsync(factory, listing.Id));

        var order = await Shopping.OrderAsync(factory, token);
        Assert.Equal(order.PlacedAt.AddHours(48), order.PaymentDueAt); // the bank-transfer deadline from the settings
        await using (var db = factory.OpenDb())
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        var first = await factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None));
        var second = await factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None));

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));
        var expired = await Shopping.OrderAsync(factory, token);
        Assert.Equal(OrderStatus.Expired, expired.Status);
        Assert.All(expired.Fulfilments, f => Assert.Equal(FulfilmentStatus.Cancelled, f.Status));
        Assert.Equal(PaymentStatus.Failed, expired.Payments.Single().Status);
        Assert.Contains("Kedaluwarsa", await buyer.Http.GetStringAsync($"/pesanan/{token}"));
    }

    [Fact]
    public async Task A_buyer_cancels_before_preparation_but_not_after()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat9", stock: 5);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var first = Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", "batal@contoh.test"));
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var second = Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", "batal@contoh.test"));
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));

        var cancelled = await Shopping.CancelAsync(buyer, first);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, (await Shopping.OrderAsync(factory, first)).Status);
        Assert.Equal(4, await Shopping.StockAsync(factory, listing.Id));

        var page = await buyer.GetDocumentAsync($"/pesanan/{second}/batal");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form.order-cancel-confirm")!;
        await using (var db = factory.OpenDb())
            await db.Fulfilments.Where(f => f.Order!.PublicToken == second).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FulfilmentStatus.Preparing));
        var late = await buyer.PostFormAsync(form, $"/pesanan/{second}/batal", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, second)).Status);
        Assert.Contains("tidak bisa dibatalkan", await buyer.Http.GetStringAsync($"/pesanan/{second}"));
        Assert.Equal(4, await Shopping.StockAsync(factory, listing.Id));
    }

    [Fact]
    public async Task An_unknown_order_link_finds_nothing()
    {
        using var client = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/pesanan/bukan-token-asli")).StatusCode);
    }
}
