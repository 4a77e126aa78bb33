using PasKreatif.Catalog;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Demo;

/// <summary>Twelve months of orders before the anchor date, their payments, ledger credits and payouts.</summary>
sealed class DemoOrders(MarketplaceDb db, DemoBuild build)
{
    // Notes are read on Indonesian pages: "Pencairan November 2026", whatever the machine's culture.
    static readonly System.Globalization.CultureInfo IndonesianMonths = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    sealed record PaidLine(OrderLine Line, DateTimeOffset PaidAt, DateTimeOffset? ReversedAt);

    readonly List<PaidLine> paidLines = [];
    readonly List<Order> placed = [];
    readonly List<Fulfilment> parts = [];
    readonly List<OrderLine> orderLines = [];
    readonly List<Payment> orderPayments = [];
    readonly BulkCopy<Order> orders = new(db);
    readonly BulkCopy<Fulfilment> fulfilments = new(db);
    readonly BulkCopy<OrderLine> lines = new(db);
    readonly BulkCopy<Payment> payments = new(db);
    readonly BulkCopy<LedgerEntry> ledger = new(db);
    readonly BulkCopy<Payout> payoutRows = new(db);

    /// <summary>Units sold per listing id, counted over paid orders; the listings are written with it.</summary>
    public Dictionary<int, int> UnitsSold { get; } = [];

    /// <summary>Makes the orders and gives them and their parts ids; <see cref="WriteAsync"/> writes them after the listings.</summary>
    public async Task AddAsync(CancellationToken ct)
    {
        var byMaker = build.Listings.GroupBy(l => l.MakerIndex).ToDictionary(g => g.Key, g => g.OrderBy(l => l.PublishedAt).ToList());
        var sellers = byMaker.Keys.ToArray();
        var cumulative = new double[sellers.Length];
        var sum = 0d;
        for (var i = 0; i < sellers.Length; i++) cumulative[i] = sum += build.Makers[sellers[i]].Popularity;
        var start = build.Anchor.AddDays(-365);

        for (var k = 0; k < build.Tier.Orders && sellers.Length > 0; k++)
        {
            // Sales grow over the year: later days are likelier.
            var placedAt = start.AddMinutes(Math.Sqrt(build.Random.NextDouble()) * 365 * 24 * 60);
            var order = NewOrder(k, placedAt);
            var makerCount = build.Random.Next(10) < 8 ? 1 : 2;
            for (var m = 0; m < makerCount; m++)
            {
                var makerIndex = PickWeighted(sellers, cumulative);
                var available = byMaker[makerIndex].TakeWhile(l => l.PublishedAt < placedAt).ToList();
                if (available.Count == 0 || order.Fulfilments.Any(f => f.MakerId == build.Makers[makerIndex].Maker.Id)) continue;
                AddFulfilment(order, makerIndex, available);
            }
            if (order.Fulfilments.Count == 0) { k--; continue; }
            Settle(order);
            placed.Add(order);
        }
        foreach (var line in placed.Where(o => o.PaidAt is not null).SelectMany(o => o.Lines))
            UnitsSold[line.ListingId] = UnitsSold.GetValueOrDefault(line.ListingId) + line.Quantity;
        await AssignIdsAsync(ct);
    }

    /// <summary>Writes orders, parts, lines and payments by COPY, then the ledger that points at the lines.</summary>
    public async Task WriteAsync(CancellationToken ct)
    {
        await orders.WriteAsync(placed, ct);
        await fulfilments.WriteAsync(parts, ct);
        await lines.WriteAsync(orderLines, ct);
        await payments.WriteAsync(orderPayments, ct);
        await AddLedgerAsync(ct);
    }

    Order NewOrder(int k, DateTimeOffset placedAt)
    {
        var account = build.Random.Next(10) < 3 ? build.Pick(build.BuyerAccounts) : null;
        var name = account?.DisplayName ?? build.PersonName();
        return new Order
        {
            Number = $"PK{placedAt:yyMM}-{k + 1:D6}",
            PublicToken = build.NewToken(),
            BuyerId = account?.Id,
            BuyerName = name,
            BuyerEmail = account?.Email ?? $"{Slugs.From(name)}{k}@pembeli.example",
            BuyerPhone = "08" + build.Random.NextInt64(1_000_000_000, 9_999_999_999),
            Address = $"{build.Pick(DemoCatalogue.Streets)} No. {build.Random.Next(1, 200)}",
            PlacedAt = placedAt,
            PaymentMethod = build.Random.Next(10) switch { < 5 => PaymentMethod.BankTransfer, < 8 => PaymentMethod.CashOnPickup, _ => PaymentMethod.Card },
        };
    }

    void AddFulfilment(Order order, int makerIndex, List<DemoListing> available)
    {
        var (maker, group, _) = build.Makers[makerIndex];
        var chosen = Enumerable.Range(0, build.Random.Next(10) < 7 ? 1 : 2).Select(_ => build.Pick(available)).Distinct().ToList();
        var perishable = chosen.Any(l => l.Perishable);
        var delivery = perishable || order.PaymentMethod == PaymentMethod.CashOnPickup
            ? (order.PaymentMethod == PaymentMethod.CashOnPickup || build.Random.Next(2) == 0 ? DeliveryMethod.Pickup : DeliveryMethod.LocalDelivery)
            : (DeliveryMethod)build.Random.Next(3);
        var weight = chosen.Sum(l => l.WeightGrams);
        var fulfilment = new Fulfilment
        {
            MakerId = maker.Id, GroupId = group.Id, Delivery = delivery, UpdatedAt = order.PlacedAt,
            DeliveryCost = delivery switch
            {
                DeliveryMethod.Pickup => Money.Zero,
                DeliveryMethod.LocalDelivery => Money.Of(15_000),
                _ => Money.Of(Math.Max(12_000, Math.Ceiling(weight / 1000m) * 10_000)),
            },
            PickupDate = delivery == DeliveryMethod.Pickup ? DateOnly.FromDateTime(order.PlacedAt.UtcDateTime).AddDays(3) : null,
        };
        foreach (var listing in chosen)
        {
            var quantity = listing.CategorySlug == StandardCategories.Hampers && listing.Price.Amount < 20_000
                ? build.Random.Next(20, 150) // wedding souvenirs come by the dozen
                : build.Random.Next(10) < 8 ? 1 : build.Random.Next(2, 4);
            var line = new OrderLine
            {
                ListingId = listing.Id, MakerId = maker.Id, Title = listing.Title,
                UnitPrice = listing.Price, Quantity = quantity, LineTotal = listing.Price * quantity,
            };
            fulfilment.Lines.Add(line);
            order.Lines.Add(line);
        }
        order.Fulfilments.Add(fulfilment);
    }

    /// <summary>Decides how the order ended, by its age at the anchor date.</summary>
    void Settle(Order order)
    {
        order.Subtotal = Money.Sum(order.Lines.Select(l => l.LineTotal));
        order.DeliveryTotal = Money.Sum(order.Fulfilments.Select(f => f.DeliveryCost));
        order.Total = order.Subtotal + order.DeliveryTotal;
        var zone = build.Offices.First(o => o.Office.Id == build.Groups.First(g => g.Id == order.Fulfilments[0].GroupId).OfficeId).Office.Zone;
        order.Zone = zone;
        var age = build.Anchor - order.PlacedAt;
        var roll = build.Random.Next(100);
        var payment = new Payment { Method = order.PaymentMethod, Amount = order.Total, CreatedAt = order.PlacedAt, Status = PaymentStatus.Pending };
        order.Payments.Add(payment);

        if (age.TotalDays > 14 ? roll < 5 : roll < 10)
        {
            order.Status = order.PaymentMethod == PaymentMethod.Card || roll % 2 == 0 ? OrderStatus.Expired : OrderStatus.Cancelled;
            order.ClosedAt = order.PlacedAt.AddDays(2);
            payment.Status = PaymentStatus.Failed;
            SetFulfilments(order, FulfilmentStatus.Cancelled);
            return;
        }
        var payWithin = TimeSpan.FromHours(order.PaymentMethod == PaymentMethod.BankTransfer ? 48 : 24 * 10);
        // Still waiting only while its deadline lies ahead: nothing lapses when the shop first starts.
        if (age.TotalDays <= 3 && roll < 40 && order.PaymentMethod != PaymentMethod.Card && age < payWithin - TimeSpan.FromHours(2))
        {
            order.Status = OrderStatus.AwaitingPayment;
            order.PaymentDueAt = order.PlacedAt + payWithin;
            if (order.PaymentMethod == PaymentMethod.CashOnPickup)
                foreach (var f in order.Fulfilments) f.SetCollectBy(order.PaymentDueAt);
            return;
        }

        var paidAt = order.PlacedAt.AddHours(order.PaymentMethod == PaymentMethod.Card ? 0.1 : build.Random.Next(2, 40));
        order.PaidAt = paidAt;
        foreach (var f in order.Fulfilments) f.RecordPaid(paidAt);
        payment.Status = PaymentStatus.Succeeded;
        payment.SucceededAt = paidAt;
        payment.ProviderReference = order.PaymentMethod == PaymentMethod.Card ? $"cs_demo_{order.Number}" : null;
        DateTimeOffset? reversedAt = null;
        if (age.TotalDays > 14 && roll >= 97)
        {
            order.Status = OrderStatus.Refunded;
            order.ClosedAt = reversedAt = paidAt.AddDays(2);
            payment.Status = PaymentStatus.Refunded;
            payment.Refunded = payment.Amount;
            SetFulfilments(order, FulfilmentStatus.Cancelled);
        }
        else if (age.TotalDays > 10)
        {
            order.Status = OrderStatus.Completed;
            order.ClosedAt = paidAt.AddDays(build.Random.Next(2, 8));
            foreach (var f in order.Fulfilments)
                f.Status = f.Delivery == DeliveryMethod.Pickup ? FulfilmentStatus.Collected : FulfilmentStatus.Delivered;
        }
        else
        {
            order.Status = OrderStatus.Paid;
            foreach (var f in order.Fulfilments)
                f.Status = order.PaymentMethod == PaymentMethod.CashOnPickup
                    ? FulfilmentStatus.Collected // cash is paid at the handover
                    : (FulfilmentStatus)build.Random.Next(4); // New, Preparing, Shipped or ReadyForPickup
            if (order.Fulfilments.All(f => f.Status == FulfilmentStatus.Collected))
            {
                order.Status = OrderStatus.Completed;
                order.ClosedAt = paidAt;
            }
        }
        foreach (var line in order.Lines)
            paidLines.Add(new PaidLine(line, paidAt, reversedAt));
    }

    static void SetFulfilments(Order order, FulfilmentStatus status)
    {
        foreach (var f in order.Fulfilments) f.Status = status;
    }

    /// <summary>Each table's ids in the order EF inserted the rows: order by order, parts and lines in their lists.</summary>
    async Task AssignIdsAsync(CancellationToken ct)
    {
        await orders.AssignIdsAsync(placed, ct);
        foreach (var order in placed)
        {
            foreach (var f in order.Fulfilments) f.OrderId = order.Id;
            foreach (var p in order.Payments) p.OrderId = order.Id;
            parts.AddRange(order.Fulfilments);
            orderPayments.AddRange(order.Payments);
        }
        await fulfilments.AssignIdsAsync(parts, ct);
        foreach (var f in parts)
            foreach (var line in f.Lines)
            {
                (line.OrderId, line.FulfilmentId) = (f.OrderId, f.Id);
                orderLines.Add(line);
            }
        await lines.AssignIdsAsync(orderLines, ct);
        await payments.AssignIdsAsync(orderPayments, ct);
    }

    /// <summary>Credits each paid line, reverses refunds, and pays makers out at month ends, never beyond the balance.</summary>
    async Task AddLedgerAsync(CancellationToken ct)
    {
        var feeByMaker = build.Makers.ToDictionary(m => m.Maker.Id, m => m.Group.FeePercent);
        var credits = paidLines.Select(p => (p, Entry: new LedgerEntry
        {
            MakerId = p.Line.MakerId, Kind = LedgerEntryKind.Credit, OrderLineId = p.Line.Id,
            Amount = p.Line.LineTotal.LessPercent(feeByMaker[p.Line.MakerId]), OccurredAt = p.PaidAt,
        })).ToList();
        await SaveAsync(ledger, credits.Select(c => c.Entry).ToList(), ct);

        var reversals = credits.Where(c => c.p.ReversedAt is not null).Select(c => new LedgerEntry
        {
            MakerId = c.Entry.MakerId, Kind = LedgerEntryKind.Reversal, Amount = c.Entry.Amount,
            OccurredAt = c.p.ReversedAt!.Value, ReversesEntryId = c.Entry.Id, OrderLineId = c.Entry.OrderLineId, Note = "Pengembalian dana",
        }).ToList();
        await SaveAsync(ledger, reversals, ct);

        var events = credits.Select(c => c.Entry).Concat(reversals).Select(e => (e.MakerId, e.OccurredAt, Signed: e.SignedAmount.Amount))
            .GroupBy(e => e.MakerId);
        var payouts = new List<Payout>();
        foreach (var maker in events)
        {
            var group = build.Makers.First(m => m.Maker.Id == maker.Key).Group;
            var ordered = maker.OrderBy(e => e.OccurredAt).ToList();
            var balance = 0m;
            var index = 0;
            for (var monthEnd = build.Anchor.AddMonths(-11); monthEnd <= build.Anchor; monthEnd = monthEnd.AddMonths(1))
            {
                for (; index < ordered.Count && ordered[index].OccurredAt < monthEnd; index++) balance += ordered[index].Signed;
                if (balance < 50_000 || build.Random.Next(10) >= 7) continue;
                var amount = Math.Floor(balance * (decimal)(0.5 + build.Random.NextDouble() / 2) / 1_000) * 1_000;
                if (amount <= 0) continue;
                balance -= amount;
                payouts.Add(new Payout
                {
                    MakerId = maker.Key, Amount = Money.Of(amount), Method = build.Random.Next(2) == 0 ? PayoutMethod.Cash : PayoutMethod.BankTransfer,
                    Reference = "Pencairan " + monthEnd.AddDays(-1).ToString("MMMM yyyy", IndonesianMonths), RecordedById = build.MentorOfGroup[group.Id],
                    RecordedAt = monthEnd.AddHours(build.Random.Next(1, 72)),
                });
            }
        }
        await SaveAsync(payoutRows, payouts, ct);
        await SaveAsync(ledger, payouts.Select(p => new LedgerEntry
        {
            MakerId = p.MakerId, Kind = LedgerEntryKind.Payout, Amount = p.Amount, OccurredAt = p.RecordedAt,
            PayoutId = p.Id, RecordedById = p.RecordedById, Note = p.Reference,
        }).ToList(), ct);
    }

    static async Task SaveAsync<T>(BulkCopy<T> copy, List<T> rows, CancellationToken ct) where T : class
    {
        await copy.AssignIdsAsync(rows, ct);
        await copy.WriteAsync(rows, ct);
    }

    int PickWeighted(int[] items, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, build.Random.NextDouble() * cumulative[^1]);
        return items[Math.Min(index < 0 ? ~index : index, items.Length - 1)];
    }
}
