namespace PasKreatif.People;

/// <summary>
/// What a buyer's account asks of their orders, in the caller's transaction. Orders sit above People, so they
/// register their side here (see OrderServices).
/// </summary>
public interface IBuyerOrders
{
    /// <summary>Orders placed without signing in, with this email, become the person's; how many did.</summary>
    Task<int> JoinGuestOrdersAsync(Guid personId, string email, CancellationToken ct = default);

    /// <summary>An order of the person still being paid or handed over: its makers still need the name and address.</summary>
    Task<bool> AnyOpenAsync(Guid personId, CancellationToken ct = default);

    /// <summary>Keeps the person's orders for the books without their name, email, phone and address, and drops their cart.</summary>
    Task ForgetBuyerAsync(Guid personId, CancellationToken ct = default);
}
