using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Trust;

/// <summary>Orders and listings for the trust tests, written straight to the test's own database.</summary>
public static class TrustData
{
    /// <summary>An approved listing of the first mentor's group with no reviews yet.</summary>
    public static async Task<Listing> FreshListingAsync(MarketplaceDb db, string mentor = "pendamping")
    {
        var group = (await BackOfficeData.MentoredGroupsAsync(db, mentor)).Min();
        var listing = await BackOfficeData.SubmittedListingAsync(db, group, "Tas Rajut Ulasan " + Guid.NewGuid().ToString("N")[..6]);
        listing.Status = ListingStatus.Approved;
        listing.PublishedAt = DateTimeOffset.UtcNow;
        listing.Stock = 5;
        await db.SaveChangesAsync();
        return listing;
    }

    /// <summary>An order of one line of the listing, bought by the given account, in the given state.</summary>
    public static async Task<(int OrderId, int LineId)> OrderAsync(MarketplaceDb db, string buyer, Listing listing,
        OrderStatus status = OrderStatus.Completed, FulfilmentStatus part = FulfilmentStatus.Collected, PaymentMethod method = PaymentMethod.BankTransfer)
    {
        var person = await db.Users.SingleAsync(u => u.UserName == buyer);
        var groupId = await db.Programmes.Where(p => p.Id == listing.ProgrammeId).Select(p => p.GroupId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var line = new OrderLine { ListingId = listing.Id, MakerId = listing.MakerId, Title = listing.Title, UnitPrice = listing.Price, Quantity = 1, LineTotal = listing.Price };
        var fulfilment = new Fulfilment { MakerId = listing.MakerId, GroupId = groupId, Delivery = DeliveryMethod.Pickup, Status = part, UpdatedAt = now, Lines = [line] };
        var order = new Order
        {
            Number = "PKT-" + Guid.NewGuid().ToString("N")[..10], PublicToken = Guid.NewGuid().ToString("N"), BuyerId = person.Id, BuyerName = person.DisplayName,
            BuyerEmail = person.Email ?? "", BuyerPhone = "081234567890", Address = "Jl. Uji 1", Status = status, PaymentMethod = method,
            Subtotal = listing.Price, Total = listing.Price, PlacedAt = now, PaidAt = status is OrderStatus.AwaitingPayment ? null : now,
            Fulfilments = [fulfilment], Lines = [line],
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return (order.Id, line.Id);
    }
}
