using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>Real rows of the tiny demo tier that a route table's sample URLs name as {placeholders}.</summary>
public static class RouteSamples
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(ShopFactory factory)
    {
        await using var db = factory.OpenDb();
        var maker = await db.Makers.Include(m => m.HomeGroup).FirstAsync(m => db.Users.Any(u => u.Id == m.PersonId && u.UserName == "pembuat"));
        var listing = await db.Listings.Where(l => l.MakerId == maker.Id && l.Status == ListingStatus.Approved).OrderBy(l => l.Id).FirstAsync();
        var programme = await db.Programmes.FirstAsync(p => p.Id == listing.ProgrammeId);
        var category = await db.Categories.FirstAsync(c => c.Id == listing.CategoryId);
        var fulfilment = await db.Fulfilments.Where(f => f.MakerId == maker.Id).OrderBy(f => f.Id).FirstAsync();
        var order = await db.Orders.OrderBy(o => o.Id).FirstAsync();
        var regency = await db.Regencies.Where(r => r.OfficeId == maker.HomeGroup!.OfficeId).OrderBy(r => r.Id).FirstAsync();
        var person = await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).FirstAsync();
        var buyer = await db.Users.Where(u => u.UserName == "pembeli").Select(u => u.Id).FirstAsync();
        var buyerLine = await db.Orders.Where(o => o.BuyerId == buyer && o.Status == PasKreatif.Orders.OrderStatus.Completed)
            .SelectMany(o => o.Lines).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["listing"] = listing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["listingSlug"] = listing.Slug,
            ["maker"] = maker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["makerSlug"] = maker.Slug,
            ["programmeSlug"] = programme.Slug,
            ["categorySlug"] = category.Slug,
            ["group"] = maker.HomeGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["office"] = maker.HomeGroup!.OfficeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["makerOrder"] = fulfilment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["orderToken"] = order.PublicToken,
            ["staffOrder"] = fulfilment.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), // a part in the mentor's group and the officer's office
            ["regency"] = regency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["programme"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["category"] = category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["person"] = person.ToString(),
            ["buyerLine"] = buyerLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static string Fill(string url, IReadOnlyDictionary<string, string> samples)
    {
        foreach (var (key, value) in samples) url = url.Replace("{" + key + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        if (url.Contains('{', StringComparison.Ordinal)) throw new InvalidOperationException($"Unknown placeholder in {url}; known: {string.Join(", ", samples.Keys)}");
        return url;
    }
}
