using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>Domain's notification targets and mailed links are the pages' own routes, not paths that drifted.</summary>
public class ShopPathsTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    public static TheoryData<string, string, string?> Pages() => new()
    {
        { ShopPaths.Workspace, "/Seller/Index", null },
        { ShopPaths.WorkspaceReviews, "/Seller/Trust/Reviews", null },
        { ShopPaths.WorkspaceQuestions, "/Seller/Trust/Questions", null },
        { ShopPaths.WorkspaceOrder(17), "/Seller/Orders/Detail", "id=17" },
        { ShopPaths.WorkspaceListing(23), "/Seller/Listings/Detail", "id=23" },
        { ShopPaths.BuyerOrders, "/Orders/Index", null },
        { ShopPaths.Order("AbC123"), "/Orders/Status", "token=AbC123" },
        { ShopPaths.AccountReview(5), "/Orders/Reviews/Write", "id=5" },
        { ShopPaths.GuestReview("AbC123", 5), "/Orders/Reviews/Guest", "token=AbC123&id=5" },
        { ShopPaths.Product("kue-lapis-1"), "/Shop/Product", "slug=kue-lapis-1" },
        { ShopPaths.CartAdd(4711), "/Cart/Add", "listingId=4711" },
        { ShopPaths.Maker("ibu-sari"), "/Shop/Maker", "slug=ibu-sari" },
        { ShopPaths.ConfirmEmail, "/Account/ConfirmEmail", null },
        { ShopPaths.ResetPassword, "/Account/ResetPassword", null },
        { ShopPaths.SetPassword, "/Account/Password/SetPassword", null },
        { ShopPaths.BackOffice, "/Index@Admin", null },
        { ShopPaths.BackOfficeOrders, "/Orders/Index@Admin", null },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_path_is_its_pages_route(string path, string page, string? values)
    {
        using (factory.CreateClient()) { } // builds the host, so every page has its route
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var route = new RouteValueDictionary();
        foreach (var pair in (values ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
            route[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
        var name = page.Split('@');
        if (name.Length == 2) route["area"] = name[1];
        Assert.Equal(path, links.GetPathByPage(name[0], values: route));
    }
}
