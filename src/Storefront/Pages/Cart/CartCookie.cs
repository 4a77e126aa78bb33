using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Cart;

/// <summary>The cart's id in a cookie: the only thing a visitor's browser keeps of the cart.</summary>
public static class CartCookie
{
    public const string Name = ".PasKreatif.Cart";

    public static Guid? Read(HttpContext http) =>
        Guid.TryParse(http.Request.Cookies[Name], out var id) ? id : null;

    /// <summary>Readable by the page's script, so a visitor without a cart never asks for its count.</summary>
    public const string HintName = "pk_cart";

    public static void Write(HttpContext http, Guid cartId)
    {
        // Lax: a form posted from another site carries no cart (the one-tap add relies on it, with its origin check).
        http.Response.Cookies.Append(Name, cartId.ToString("N"), new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
        http.Response.Cookies.Append(HintName, "1", new CookieOptions
        {
            HttpOnly = false, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
    }

    /// <summary>On sign-out: the browser forgets the account's cart, so the next visitor starts empty.</summary>
    public static void Forget(HttpContext http)
    {
        http.Response.Cookies.Delete(Name);
        http.Response.Cookies.Delete(HintName);
    }

    /// <summary>Merges the visitor's cart into the account's at sign-in, whichever page signs in.</summary>
    public static IServiceCollection AddCartMergeOnSignIn(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var previous = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async ctx =>
            {
                await previous(ctx);
                var users = ctx.HttpContext.RequestServices.GetRequiredService<UserManager<People.Person>>();
                if (!Guid.TryParse(users.GetUserId(ctx.Principal!), out var personId)) return;
                var carts = ctx.HttpContext.RequestServices.GetRequiredService<CartService>();
                var kept = await carts.MergeOnSignInAsync(Read(ctx.HttpContext), personId, ctx.HttpContext.RequestAborted);
                if (kept is { } id) Write(ctx.HttpContext, id);
            };
        });
}
