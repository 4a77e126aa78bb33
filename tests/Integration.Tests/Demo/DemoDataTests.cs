using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Demo;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Demo;

public class DemoDataTests
{
    [Fact]
    public async Task Loading_twice_changes_nothing_and_two_loads_are_identical()
    {
        var first = await TestDatabases.CreateEmptyAsync("demo1");
        var second = await TestDatabases.CreateEmptyAsync("demo2");
        var media = Path.Combine(Path.GetTempPath(), "pk-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var db = TestDatabases.Open(first);
            await db.Database.MigrateAsync();
            Assert.True(await TestDatabases.DemoLoader(db, media).LoadAsync(DemoTier.Tiny));
            var before = await CountsAsync(db);

            await using (var again = TestDatabases.Open(first))
                Assert.False(await TestDatabases.DemoLoader(again, media).LoadAsync(DemoTier.Tiny));
            Assert.Equal(before, await CountsAsync(db));

            await using var other = TestDatabases.Open(second);
            await other.Database.MigrateAsync();
            await TestDatabases.DemoLoader(other, media).LoadAsync(DemoTier.Tiny);
            Assert.Equal(await FingerprintAsync(db), await FingerprintAsync(other));
        }
        finally
        {
            await TestDatabases.DropAsync(first);
            await TestDatabases.DropAsync(second);
            if (Directory.Exists(media)) Directory.Delete(media, recursive: true);
        }
    }

    [Fact]
    public async Task Without_an_anchor_the_demo_months_end_now_and_nothing_lapses_at_the_first_start()
    {
        var name = await TestDatabases.CreateEmptyAsync("demo-now");
        var media = Path.Combine(Path.GetTempPath(), "pk-demo-" + Guid.NewGuid().ToString("N"));
        var now = new DateTimeOffset(2027, 3, 14, 9, 41, 0, TimeSpan.Zero);
        try
        {
            await using var db = TestDatabases.Open(name);
            await db.Database.MigrateAsync();
            // Few listings, many orders: enough of them fall in the last three days to wait for payment.
            var tier = new DemoTier("recent", 2, 3, 10, 40, 6_000, 6);
            Assert.True(await TestDatabases.DemoLoader(db, media, new DemoOptions(), new ShopClock { Fixed = now }).LoadAsync(tier));

            var latest = await db.Orders.MaxAsync(o => o.PlacedAt);
            Assert.InRange(latest, now.AddDays(-2), now);
            Assert.True(await db.Orders.MinAsync(o => o.PlacedAt) >= now.AddDays(-366));
            var waiting = await db.Orders.Where(o => o.Status == OrderStatus.AwaitingPayment).Select(o => o.PaymentDueAt).ToListAsync();
            Assert.NotEmpty(waiting);
            Assert.All(waiting, due => Assert.True(due > now, $"due {due} is not after {now}"));
            Assert.Equal(0, await db.Fulfilments.CountAsync(f => f.CollectBy != null && f.CollectBy <= now && f.Status != FulfilmentStatus.Cancelled));
        }
        finally
        {
            await TestDatabases.DropAsync(name);
            if (Directory.Exists(media)) Directory.Delete(media, recursive: true);
        }
    }

    [Fact]
    public async Task The_tiny_tier_has_its_sizes_and_a_sound_ledger()
    {
        var name = await TestDatabases.CreateFromTemplateAsync("tiny");
        try
        {
            await using var db = TestDatabases.Open(name);
            Assert.Equal(2, await db.Offices.CountAsync());
            Assert.Equal(3, await db.Groups.CountAsync());
            Assert.Equal(10, await db.Makers.CountAsync());
            Assert.Equal(40, await db.Listings.CountAsync());
            Assert.Equal(60, await db.Orders.CountAsync());
            Assert.True(await db.Listings.CountAsync(l => l.Status == ListingStatus.Approved) >= 25);
            Assert.All(await db.Listings.Select(l => l.Photos.Count).ToListAsync(), count => Assert.InRange(count, 1, 4));

            // Every paid line is credited once, and no balance is ever below zero.
            var paidLines = await db.OrderLines.CountAsync(l => db.Set<Order>().Any(o => o.Id == l.OrderId && o.PaidAt != null));
            Assert.Equal(paidLines, await db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.Credit));
            var balances = await db.LedgerEntries.GroupBy(e => e.MakerId).Select(g => g.Sum(e =>
                e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount)).ToListAsync();
            Assert.All(balances, b => Assert.True(b >= 0));
            // Every maker appears by a display name of their own.
            Assert.DoesNotContain(await db.Makers.Select(m => m.DisplayName).ToListAsync(), n => string.IsNullOrWhiteSpace(n));
        }
        finally
        {
            await TestDatabases.DropAsync(name);
        }
    }

    [Fact]
    public async Task After_a_load_the_shop_adds_rows_to_every_bulk_written_table()
    {
        var name = await TestDatabases.CreateFromTemplateAsync("ids");
        try
        {
            await using var db = TestDatabases.Open(name);
            var listing = await db.Listings.AsNoTracking().OrderBy(l => l.Id).FirstAsync();
            var line = await db.OrderLines.AsNoTracking().OrderBy(l => l.Id).FirstAsync();
            var fulfilment = await db.Fulfilments.AsNoTracking().SingleAsync(f => f.Id == line.FulfilmentId);
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == line.OrderId);
            var mentor = await db.GroupMentors.Select(m => m.PersonId).FirstAsync();
            var maxima = await MaximaAsync(db);

            // The identity sequences were moved past the loaded ids, so the database numbers new rows itself.
            var newListing = new Listing
            {
                MakerId = listing.MakerId, ProgrammeId = listing.ProgrammeId, CategoryId = listing.CategoryId,
                Slug = "baru-setelah-demo", Title = "Baru", Description = "Baru", Price = listing.Price,
                Status = ListingStatus.Draft, CreatedAt = listing.CreatedAt, UpdatedAt = listing.CreatedAt,
            };
            newListing.Photos.Add(new ListingPhoto { PhotoId = (await db.ListingPhotos.FirstAsync()).PhotoId });
            db.Listings.Add(newListing);
            await db.SaveChangesAsync();
            db.ListingAudit.Add(new() { ListingId = newListing.Id, Action = AuditAction.Created, At = listing.CreatedAt });
            var newOrder = new Order
            {
                Number = "PK-BARU", PublicToken = "baru", BuyerName = "B", BuyerEmail = "b@pembeli.example", BuyerPhone = "08",
                Address = "A", PlacedAt = order.PlacedAt, Subtotal = line.LineTotal, Total = line.LineTotal,
            };
            var part = new Fulfilment { MakerId = fulfilment.MakerId, GroupId = fulfilment.GroupId, UpdatedAt = order.PlacedAt };
            var newLine = new OrderLine
            {
                ListingId = line.ListingId, MakerId = line.MakerId, Title = line.Title, UnitPrice = line.UnitPrice, Quantity = 1, LineTotal = line.UnitPrice,
            };
            part.Lines.Add(newLine);
            newOrder.Lines.Add(newLine);
            newOrder.Fulfilments.Add(part);
            newOrder.Payments.Add(new Payment { Amount = line.UnitPrice, CreatedAt = order.PlacedAt });
            db.Orders.Add(newOrder);
            var payout = new Payout { MakerId = line.MakerId, Amount = Money.Of(1_000), RecordedById = mentor, RecordedAt = order.PlacedAt };
            db.Payouts.Add(payout);
            await db.SaveChangesAsync();
            db.LedgerEntries.Add(new LedgerEntry { MakerId = line.MakerId, Kind = LedgerEntryKind.Payout, Amount = payout.Amount, OccurredAt = order.PlacedAt, PayoutId = payout.Id });
            await db.SaveChangesAsync();

            var after = await MaximaAsync(db);
            Assert.All(maxima.Zip(after), pair => Assert.Equal(pair.First + 1, pair.Second));
        }
        finally
        {
            await TestDatabases.DropAsync(name);
        }
    }

    static async Task<long[]> MaximaAsync(MarketplaceDb db) =>
    [
        await db.Listings.MaxAsync(l => l.Id), await db.ListingPhotos.MaxAsync(p => p.Id), await db.ListingAudit.MaxAsync(a => a.Id),
        await db.Orders.MaxAsync(o => o.Id), await db.Fulfilments.MaxAsync(f => f.Id), await db.OrderLines.MaxAsync(l => l.Id),
        await db.Payments.MaxAsync(p => p.Id), await db.Payouts.MaxAsync(p => p.Id), await db.LedgerEntries.MaxAsync(e => e.Id),
    ];

    static async Task<string> CountsAsync(MarketplaceDb db) => string.Join(",",
        await db.Offices.CountAsync(), await db.Groups.CountAsync(), await db.Programmes.CountAsync(), await db.Users.CountAsync(),
        await db.Makers.CountAsync(), await db.Photos.CountAsync(), await db.Listings.CountAsync(), await db.ListingPhotos.CountAsync(),
        await db.Orders.CountAsync(), await db.OrderLines.CountAsync(), await db.Payments.CountAsync(),
        await db.LedgerEntries.CountAsync(), await db.Payouts.CountAsync(), await db.Categories.CountAsync(), await db.Roles.CountAsync());

    static async Task<string> FingerprintAsync(MarketplaceDb db)
    {
        var listings = await db.Listings.OrderBy(l => l.Id).Select(l => l.Slug + l.Price.Amount + l.Status + l.Stock).ToListAsync();
        var orders = await db.Orders.OrderBy(o => o.Id).Select(o => o.Number + o.PublicToken + o.Total.Amount + o.Status + o.PlacedAt).ToListAsync();
        var ledger = await db.LedgerEntries.OrderBy(e => e.Id).Select(e => e.MakerId + e.Kind.ToString() + e.Amount.Amount + e.OccurredAt).ToListAsync();
        var people = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id + u.UserName! + u.PasswordHash).ToListAsync();
        var photos = await db.Photos.OrderBy(p => p.Id).Select(p => p.Hash).ToListAsync();
        return string.Join("|", listings.Concat(orders).Concat(ledger).Concat(people).Concat(photos));
    }
}
