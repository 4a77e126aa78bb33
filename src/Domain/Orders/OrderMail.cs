using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// Order mail in each recipient's language. Every message goes to the <see cref="MailOutbox"/> in the
/// caller's transaction, so only what committed is ever sent.
/// </summary>
public sealed class OrderMail(MarketplaceDb db, MailOutbox outbox, ShopLinks links, OrderOptions options, Notifications.MakerNotices notices)
{
    static readonly ResourceManager Texts = new("PasKreatif.Resources.OrderMailText", typeof(OrderMail).Assembly);
    static readonly ResourceManager StepTexts = new("PasKreatif.Orders.FulfilmentMailText", typeof(OrderMail).Assembly);

    public void OrderPlaced(Order order)
    {
        var c = Culture(order.Culture);
        var due = order.PaymentDueAt is { } at ? When(at, order.Zone, c) : "";
        var howToPay = order.PaymentMethod switch
        {
            PaymentMethod.BankTransfer => Text("PayBankTransfer", c, order.Total, options.BankAccount, due, order.Number),
            PaymentMethod.CashOnPickup => Text("PayCash", c, order.Total),
            PaymentMethod.Card => Text("PayCard", c, due),
            _ => Text("PayOnline", c, due),
        };
        var body = Text("PlacedBody", c, order.BuyerName, order.Number, order.Total, Lines(order.Lines, c), howToPay, links.OrderPage(order.PublicToken));
        ToBuyer(order, Text("PlacedSubject", c, order.Number), body);
    }

    public void PaymentReceived(Order order)
    {
        var c = Culture(order.Culture);
        var body = Text("PaidBody", c, order.BuyerName, order.ExpectedPayment().Amount, order.Number, links.OrderPage(order.PublicToken));
        ToBuyer(order, Text("PaidSubject", c, order.Number), body);
    }

    /// <summary>One mail per maker in the order, to the maker and to the mentors of the group that hands it over.</summary>
    public async Task NewOrderToMakersAsync(int orderId, CancellationToken ct)
    {
        // The workspace bell, one per maker in the paid order, email or not.
        var bells = await db.Fulfilments.Where(f => f.OrderId == orderId).Select(f => new { f.Id, f.MakerId, f.Order!.Number }).ToListAsync(ct);
        foreach (var part in bells) notices.NewOrder(part.MakerId, part.Id, part.Number);
        await db.SaveChangesAsync(ct);
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        var parts = await db.Fulfilments.AsNoTracking().Where(f => f.OrderId == orderId && f.Status != FulfilmentStatus.Cancelled).Select(f => new
        {
            f.Delivery, f.PickupDate, f.Lines, Maker = f.Maker!.DisplayName, Group = db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => new { g.Name, g.PickupAddress }).First(),
            MakerPerson = new { f.Maker.Person!.Email, f.Maker.Person.PreferredCulture, f.Maker.Person.DisplayName },
            Mentors = db.Set<GroupMentor>().Where(m => m.GroupId == f.GroupId).Select(m => new { m.Person!.Email, m.Person.PreferredCulture, m.Person.DisplayName }).ToList(),
        }).AsSplitQuery().ToListAsync(ct); // two collections (lines, mentors): one query each, not their product
        foreach (var part in parts)
        {
            foreach (var to in part.Mentors.Prepend(part.MakerPerson).Where(p => !string.IsNullOrWhiteSpace(p.Email)).DistinctBy(p => p.Email))
            {
                var c = Culture(to.PreferredCulture);
                var delivery = part.Delivery == DeliveryMethod.Pickup
                    ? Text("Delivery.Pickup", c, part.Group.PickupAddress, part.PickupDate?.ToString("d MMM yyyy", c) ?? "")
                    : Text("Delivery." + part.Delivery, c);
                var body = Text("NewOrderBody", c, order.Number, part.Maker, Lines(part.Lines, c), delivery, order.BuyerName, links.Workspace);
                outbox.Add(new OutgoingMail(to.Email!, Text("NewOrderSubject", c, order.Number, part.Maker), body, ToName: to.DisplayName));
            }
        }
    }

    /// <summary>The buyer's mail when a maker's part moves a step (prepared, ready, shipped, delivered, collected).</summary>
    public async Task PartStepAsync(Order order, Fulfilment part, CancellationToken ct)
    {
        var c = Culture(order.Culture);
        var maker = await db.Makers.Where(m => m.Id == part.MakerId).Select(m => m.DisplayName).SingleAsync(ct);
        var step = part.Status.ToString();
        var subject = string.Format(c, StepTexts.GetString("Subject." + step, c) ?? step, order.Number);
        var body = string.Format(c, StepTexts.GetString("Body." + step, c) ?? step, order.BuyerName, order.Number, maker, part.TrackingNote ?? "", links.OrderPage(order.PublicToken));
        ToBuyer(order, subject, body);
    }

    /// <summary>Cancelled or expired; when money was paid, how it comes back (never that it already did).</summary>
    public void Closed(Order order, Refund? refund)
    {
        var c = Culture(order.Culture);
        var status = order.Status == OrderStatus.Expired ? "Expired" : "Cancelled";
        var body = Text(status + "Body", c, order.BuyerName, order.Number, refund is null ? "" : " " + HowItComesBack(order, refund, c), links.OrderPage(order.PublicToken));
        ToBuyer(order, Text(status + "Subject", c, order.Number), body);
    }

    /// <summary>One maker's part cancelled (by staff, or not collected in time) while the rest of the order goes on.</summary>
    public void PartCancelled(Order order, Fulfilment part, Refund? refund)
    {
        var c = Culture(order.Culture);
        var titles = string.Join(", ", part.Lines.Select(l => l.Title));
        var body = Text("PartCancelledBody", c, order.BuyerName, order.Number, titles, refund is null ? "" : " " + HowItComesBack(order, refund, c), links.OrderPage(order.PublicToken));
        ToBuyer(order, Text("PartCancelledSubject", c, order.Number), body);
    }

    /// <summary>Some lines paid back while the order goes on.</summary>
    public void RefundCreated(Order order, Refund refund)
    {
        var c = Culture(order.Culture);
        var body = Text("RefundCreatedBody", c, order.BuyerName, order.Number, refund.Amount, HowItComesBack(order, refund, c), links.OrderPage(order.PublicToken));
        ToBuyer(order, Text("RefundCreatedSubject", c, order.Number), body);
    }

    /// <summary>The gateway cannot return the money: the buyer is asked for an account.</summary>
    public void RefundNeedsAccount(Order order, Refund refund)
    {
        var c = Culture(order.Culture);
        var body = Text("RefundNeedsAccountBody", c, order.BuyerName, order.Number, refund.Amount, links.OrderPage(order.PublicToken));
        ToBuyer(order, Text("RefundNeedsAccountSubject", c, order.Number), body);
    }

    /// <summary>The money went back: only now is the buyer told it was refunded.</summary>
    public void RefundSent(Order order, Refund refund)
    {
        var c = Culture(order.Culture);
        var where = refund.Route switch
        {
            RefundRoute.Gateway => Text("RefundSentTo.Gateway", c),
            RefundRoute.BankTransfer => Text("RefundSentTo.BankTransfer", c, refund.AccountBank ?? "", refund.AccountNumber ?? "", refund.AccountHolder ?? ""),
            _ => Text("RefundSentTo.Cash", c),
        };
        var reference = refund.Reference is { Length: > 0 } r && refund.Route != RefundRoute.Cash ? Text("RefundReference", c, r) : "";
        var body = Text("RefundedBody", c, order.BuyerName, order.Number, refund.Amount, where, reference, links.OrderPage(order.PublicToken));
        ToBuyer(order, Text("RefundedSubject", c, order.Number), body);
    }

    /// <summary>Every part handed over: the order is complete and the buyer is invited to review it.</summary>
    public void Completed(Order order)
    {
        var c = Culture(order.Culture);
        var body = Text("CompletedBody", c, order.BuyerName, order.Number, Lines(order.Lines, c), links.ReviewPage(order.PublicToken));
        ToBuyer(order, Text("CompletedSubject", c, order.Number), body);
    }

    string HowItComesBack(Order order, Refund refund, CultureInfo c) => refund.Route switch
    {
        RefundRoute.Gateway => Text("RefundWay.Gateway", c, refund.Amount),
        RefundRoute.BankTransfer => Text("RefundWay.BankTransfer", c, refund.Amount, links.OrderPage(order.PublicToken)),
        _ => Text("RefundWay.Cash", c, refund.Amount),
    };

    void ToBuyer(Order order, string subject, string body) =>
        outbox.Add(new OutgoingMail(order.BuyerEmail, subject, body, ToName: order.BuyerName));

    public static string When(DateTimeOffset at, IndonesianZone zone, CultureInfo c) => $"{at.ToZone(zone).ToString("d MMM yyyy HH.mm", c)} {zone}";

    static string Lines(IEnumerable<OrderLine> lines, CultureInfo c) =>
        string.Join("\n", lines.Select(l => Text("LineFormat", c, l.Title, l.Quantity, l.LineTotal)));

    static CultureInfo Culture(string? name) => CultureInfo.GetCultureInfo(name == "en" ? "en" : "id");

    static string Text(string key, CultureInfo c, params object[] args) =>
        string.Format(c, Texts.GetString(key, c) ?? throw new InvalidOperationException($"Mail text {key} is missing."), args);
}
