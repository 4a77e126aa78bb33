using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

public enum CartProblem { None, NotForSale, SoldOut, NotEnoughStock, BadQuantity }

public sealed record ListingForCart(int Id, string Title, string Slug, Money Price, string MakerName, int Stock, bool MadeToOrder, int LeadTimeDays, bool OnSale);

public sealed record CartLineView(int ListingId, string Title, string Slug, Money Price, Money PriceWhenAdded, int Quantity,
    int? Available, bool OnSale, int LeadTimeDays)
{
    public bool PriceChanged => Price != PriceWhenAdded;
    public bool SoldOut => !OnSale || Available is 0;
    public bool TooMany => Available is { } a && a > 0 && Quantity > a;
    public Money LineTotal => Price * Quantity;
}

public sealed record CartMakerView(int MakerId, string MakerName, int GroupId, string GroupName, string PickupAddress, IndonesianZone Zone,
    MakerParcel Parcel, IReadOnlyList<CartLineView> Lines)
{
    public Money Subtotal => Money.Sum(Lines.Where(l => !l.SoldOut).Select(l => l.LineTotal));
}

public sealed record CartView(Guid? CartId, IReadOnlyList<CartMakerView> Makers)
{
    public static readonly CartView Empty = new(null, []);
    public IEnumerable<CartLineView> Lines => Makers.SelectMany(m => m.Lines);
    public bool IsEmpty => !Lines.Any();
    public bool HasProblems => Lines.Any(l => l.SoldOut || l.TooMany);
    public Money Subtotal => Money.Sum(Makers.Select(m => m.Subtotal));
    public int Count => Lines.Sum(l => l.Quantity);
}

/// <summary>The buyer's cart in the database, keyed by the cart cookie; merged into the account on sign-in.</summary>
public sealed class CartService(MarketplaceDb db, TimeProvider clock)
{
    public const int MaxQuantity = 99;

    public async Task<CartView> ViewAsync(Guid? cartId, CancellationToken ct = default)
    {
        if (cartId is null) return CartView.Empty;
        var rows = await db.CartLines.AsNoTracking().Where(l => l.CartId == cartId)
            .OrderBy(l => l.AddedAt).ThenBy(l => l.Id)
            .Select(l => new
            {
                l.ListingId, l.Quantity, l.PriceWhenAdded, L = l.Listing!, Perishable = l.Listing!.Category!.Perishable,
                MakerName = l.Listing.Maker!.DisplayName, Group = l.Listing.Maker.HomeGroup!, Zone = l.Listing.Maker.HomeGroup!.Office!.Zone,
            })
            .ToListAsync(ct);
        var makers = rows.GroupBy(r => r.L.MakerId).Select(g =>
        {
            var first = g.First();
            var lines = g.Select(r => new CartLineView(r.ListingId, r.L.Title, r.L.Slug, r.L.Price, r.PriceWhenAdded, r.Quantity,
                r.L.MadeToOrder ? null : r.L.Stock, r.L.IsOnSale, r.L.LeadTimeDays)).ToList();
            var parcel = new MakerParcel(g.Select(r => r.L.Delivery).ToList(), g.Any(r => r.Perishable),
                g.Sum(r => r.L.WeightGrams * r.Quantity), g.Max(r => r.L.LeadTimeDays), first.Zone);
            return new CartMakerView(g.Key, first.MakerName, first.Group.Id, first.Group.Name, first.Group.PickupAddress, first.Zone, parcel, lines);
        }).ToList();
        return new CartView(cartId, makers);
    }

    /// <summary>The units in the cart, for the header's count.</summary>
    public async Task<int> CountAsync(Guid? cartId, CancellationToken ct = default) =>
        cartId is null ? 0 : await db.CartLines.Where(l => l.CartId == cartId).SumAsync(l => l.Quantity, ct);

    public Task<ListingForCart?> ListingAsync(int listingId, CancellationToken ct = default) =>
        db.Listings.AsNoTracking().Where(l => l.Id == listingId && l.Status != ListingStatus.Draft && l.Status != ListingStatus.Submitted && l.Status != ListingStatus.Rejected)
            .Select(l => new ListingForCart(l.Id, l.Title, l.Slug, l.Price, l.Maker!.DisplayName, l.Stock, l.MadeToOrder, l.LeadTimeDays, l.Status == ListingStatus.Approved))
            .SingleOrDefaultAsync(ct);

    /// <summary>Adds units of a listing (creating the cart when needed) and returns the cart's id.</summary>
    public async Task<(Guid CartId, CartProblem Problem)> AddAsync(Guid? cartId, Guid? personId, int listingId, int quantity, CancellationToken ct = default)
    {
        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, ct);
        if (listing is null || !listing.IsOnSale) return (cartId ?? Guid.Empty, CartProblem.NotForSale);
        var cart = await EnsureCartAsync(cartId, personId, ct);
        var line = cart.Lines.SingleOrDefault(l => l.ListingId == listingId);
        var wanted = (line?.Quantity ?? 0) + quantity;
        var problem = Check(listing, quantity, wanted);
        if (problem != CartProblem.None) return (cart.Id, problem);
        var now = clock.GetUtcNow();
        if (line is null)
            cart.Lines.Add(new CartLine { ListingId = listingId, Quantity = quantity, PriceWhenAdded = listing.Price, AddedAt = now });
        else
            line.Quantity = wanted;
        cart.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (cart.Id, CartProblem.None);
    }

    /// <summary>Sets a line's quantity; zero removes it. The price shown from now on is today's.</summary>
    public async Task<CartProblem> SetQuantityAsync(Guid cartId, int listingId, int quantity, CancellationToken ct = default)
    {
        var line = await db.CartLines.Include(l => l.Listing).SingleOrDefaultAsync(l => l.CartId == cartId && l.ListingId == listingId, ct);
        if (line is null) return CartProblem.NotForSale;
        if (quantity <= 0)
        {
            db.CartLines.Remove(line);
        }
        else
        {
            var problem = Check(line.Listing!, quantity, quantity);
            if (problem != CartProblem.None) return problem;
            line.Quantity = quantity;
            line.PriceWhenAdded = line.Listing!.Price;
        }
        await db.SaveChangesAsync(ct);
        return CartProblem.None;
    }

    /// <summary>On sign-in: the visitor's cart joins the account's cart; returns the id to keep in the cookie.</summary>
    public async Task<Guid?> MergeOnSignInAsync(Guid? cookieCartId, Guid personId, CancellationToken ct = default)
    {
        var own = await db.Carts.Include(c => c.Lines).Where(c => c.PersonId == personId).OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(ct);
        var visiting = cookieCartId is null ? null : await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == cookieCartId, ct);
        if (visiting is null || visiting.Id == own?.Id) return own?.Id;
        if (own is null)
        {
            if (visiting.PersonId is not null && visiting.PersonId != personId) return null; // someone else's cart: never adopt it
            visiting.PersonId = personId;
            await db.SaveChangesAsync(ct);
            return visiting.Id;
        }
        if (visiting.PersonId is null)
        {
            foreach (var line in visiting.Lines)
            {
                var existing = own.Lines.SingleOrDefault(l => l.ListingId == line.ListingId);
                if (existing is null)
                    own.Lines.Add(new CartLine { ListingId = line.ListingId, Quantity = line.Quantity, PriceWhenAdded = line.PriceWhenAdded, AddedAt = line.AddedAt });
                else
                    existing.Quantity = Math.Min(MaxQuantity, Math.Max(existing.Quantity, line.Quantity));
            }
            db.Carts.Remove(visiting);
            own.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return own.Id;
    }

    static CartProblem Check(Listing listing, int added, int total)
    {
        if (added <= 0 || total > MaxQuantity) return CartProblem.BadQuantity;
        if (!listing.IsOnSale) return CartProblem.NotForSale;
        if (listing.MadeToOrder) return CartProblem.None;
        if (listing.Stock == 0) return CartProblem.SoldOut;
        return total > listing.Stock ? CartProblem.NotEnoughStock : CartProblem.None;
    }

    async Task<Cart> EnsureCartAsync(Guid? cartId, Guid? personId, CancellationToken ct)
    {
        var cart = cartId is null ? null : await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == cartId, ct);
        if (cart is not null) return cart;
        var now = clock.GetUtcNow();
        cart = new Cart { Id = Guid.NewGuid(), PersonId = personId, CreatedAt = now, UpdatedAt = now };
        db.Carts.Add(cart);
        return cart;
    }
}
