using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Mail;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>The shop's public address, for links in mail.</summary>
public sealed record ShopLinks(string BaseUrl)
{
    public string OrderPage(string token) => $"{BaseUrl.TrimEnd('/')}/pesanan/{token}";
}

/// <summary>Order mail in each recipient's language, always through <see cref="MailQueue"/>.</summary>
public sealed class OrderMail(MarketplaceDb db, MailQueue queue, ShopLinks links, OrderOptions options, Notifications.MakerNotices notices)
{
    static readonly ResourceManager Texts = new("PasKreatif.Resources.OrderMailText", typeof(OrderMail).Assembly);

    public void OrderPlaced(Order order)
    {
        var c = Culture(order.Culture);
        var due = order.PaymentDueAt is { } at ? When(at, order.Zone, c) : "";
        var howToPay = order.PaymentMethod switch
        {
            PaymentMethod.BankTransfer => Text("PayBankTransfer", c, order.Total, options.BankAccount, due, order.Number),
            PaymentMethod.Card => Text("PayCard", c, due),
            _ => Text("PayCash", c, order.Total),
        };
        var body = Text("PlacedBody", c, order.BuyerName, order.Number, order.Total, Lines(order.Lines, c), howToPay, links.OrderPage(order.PublicToken));
        queue.Enqueue(new OutgoingMail(order.BuyerEmail, Text("PlacedSubject", c, order.Number), body, ToName: order.BuyerName));
    }

    public async Task PaymentReceivedAsync(int orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        var c = Culture(order.Culture);
        var body = Text("PaidBody", c, order.BuyerName, order.Total, order.Number, links.OrderPage(order.PublicToken));
        queue.Enqueue(new OutgoingMail(order.BuyerEmail, Text("PaidSubject", c, order.Number), body, ToName: order.BuyerName));
    }

    /// <summary>One mail per maker in the order, to the maker and to the mentors of the group that hands it over.</summary>
    public async Task NewOrderToMakersAsync(int orderId, CancellationToken ct)
    {
        await notices.NewOrderAsync(orderId, ct); // issue 10: the workspace bell, email or not
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        var parts = await db.Fulfilments.AsNoTracking().Where(f => f.OrderId == orderId).Select(f => new
        {
            f.Delivery, f.PickupDate, f.Lines, Maker = f.Maker!.DisplayName, Group = db.Groups.Where(g => g.Id == f.GroupId).Select(g => new { g.Name, g.PickupAddress }).First(),
            MakerPerson = new { f.Maker.Person!.Email, f.Maker.Person.PreferredCulture, f.Maker.Person.DisplayName },
            Mentors = db.GroupMentors.Where(m => m.GroupId == f.GroupId).Select(m => new { m.Person!.Email, m.Person.PreferredCulture, m.Person.DisplayName }).ToList(),
        }).ToListAsync(ct);
        foreach (var part in parts)
        {
            foreach (var to in part.Mentors.Prepend(part.MakerPerson).Where(p => !string.IsNullOrWhiteSpace(p.Email)).DistinctBy(p => p.Email))
            {
                var c = Culture(to.PreferredCulture);
                var delivery = part.Delivery == DeliveryMethod.Pickup
                    ? Text("Delivery.Pickup", c, part.Group.PickupAddress, part.PickupDate?.ToString("d MMM yyyy", c) ?? "")
                    : Text("Delivery." + part.Delivery, c);
                var body = Text("NewOrderBody", c, order.Number, part.Maker, Lines(part.Lines, c), delivery, order.BuyerName, $"{links.BaseUrl.TrimEnd('/')}/toko-saya");
                queue.Enqueue(new OutgoingMail(to.Email!, Text("NewOrderSubject", c, order.Number, part.Maker), body, ToName: to.DisplayName));
            }
        }
    }

    public async Task ClosedAsync(int orderId, OrderStatus status, bool moneyBack, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        var c = Culture(order.Culture);
        var refund = moneyBack ? Text("RefundNote", c, order.Total) : "";
        var body = Text(status + "Body", c, order.BuyerName, order.Number, refund, links.OrderPage(order.PublicToken));
        queue.Enqueue(new OutgoingMail(order.BuyerEmail, Text(status + "Subject", c, order.Number), body, ToName: order.BuyerName));
    }

    public static string When(DateTimeOffset at, IndonesianZone zone, CultureInfo c) => $"{at.ToZone(zone).ToString("d MMM yyyy HH.mm", c)} {zone}";

    static string Lines(IEnumerable<OrderLine> lines, CultureInfo c) =>
        string.Join("\n", lines.Select(l => Text("LineFormat", c, l.Title, l.Quantity, l.LineTotal)));

    static CultureInfo Culture(string? name) => CultureInfo.GetCultureInfo(name == "en" ? "en" : "id");

    static string Text(string key, CultureInfo c, params object[] args) =>
        string.Format(c, Texts.GetString(key, c) ?? throw new InvalidOperationException($"Mail text {key} is missing."), args);
}
