using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PasKreatif.Orders;
using PasKreatif.People;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Cart;

/// <summary>
/// One tap on "Masukkan ke keranjang" from an output-cached page. The cached HTML cannot carry a
/// per-visitor antiforgery token, so this post proves itself instead by where it comes from: the
/// browser's Origin (or Sec-Fetch-Site) must be the shop itself, and the cart and sign-in cookies
/// are SameSite=Lax, so a cross-site form never carries them. One request on a slow phone, no token
/// fetch first, and it works as a plain form without JavaScript.
/// </summary>
public static class QuickAdd
{
    public const string Path = "/keranjang/tambah-cepat/";

    public static WebApplication MapQuickAdd(this WebApplication app)
    {
        app.MapPost(Path + "{listingId:int}", AddAsync).DisableAntiforgery();
        app.MapGet("/keranjang/jumlah", CountAsync);
        return app;
    }

    static async Task<IResult> AddAsync(int listingId, HttpContext http, CartService carts, UserManager<Person> users,
        IStringLocalizer<CheckoutText> text, ITempDataDictionaryFactory tempData, ShopLinks links, LinkGenerator pages, CancellationToken ct)
    {
        var wantsJson = http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        http.Response.Headers.CacheControl = "no-store";
        switch (SameOrigin.Of(http.Request, links.BaseUrl))
        {
            case SameOrigin.Verdict.Foreign:
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            case SameOrigin.Verdict.Unknown:
                // An old browser that says nothing of where the post came from: the page with the real token form.
                return wantsJson ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Redirect(pages.GetPathByPage(http, "/Cart/Add", values: new { listingId })!);
        }
        var listing = await carts.ListingAsync(listingId, ct);
        if (listing is null) return Results.NotFound();
        var person = Guid.TryParse(users.GetUserId(http.User), out var id) ? id : (Guid?)null;
        var (cartId, problem) = await carts.AddAsync(CartCookie.Read(http), person, listingId, 1, ct);
        if (problem == CartProblem.None) CartCookie.Write(http, cartId);
        var message = problem == CartProblem.None ? text["Added", listing.Title].Value : text["CartProblem." + problem].Value;
        if (wantsJson)
        {
            var count = await carts.CountAsync(problem == CartProblem.None ? cartId : CartCookie.Read(http), ct);
            return Results.Json(new { added = problem == CartProblem.None, message, count },
                statusCode: problem == CartProblem.None ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }
        var notices = tempData.GetTempData(http);
        notices["Notice"] = message;
        notices.Save();
        return Results.Redirect(pages.GetPathByPage(http, "/Cart/Index")!);
    }

    static async Task<IResult> CountAsync(HttpContext http, CartService carts, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { count = await carts.CountAsync(CartCookie.Read(http), ct) });
    }
}

/// <summary>Whether a request was sent by the shop's own pages, from the headers browsers set and scripts cannot.</summary>
public static class SameOrigin
{
    public enum Verdict { Same, Foreign, Unknown }

    public static Verdict Of(HttpRequest request, string baseUrl)
    {
        var own = request.Scheme + "://" + request.Host.Value;
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length > 0)
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || string.Equals(origin, baseUrl, StringComparison.OrdinalIgnoreCase)
                ? Verdict.Same : Verdict.Foreign;
        return request.Headers["Sec-Fetch-Site"].ToString() switch
        {
            "same-origin" => Verdict.Same,
            "" => Verdict.Unknown,
            _ => Verdict.Foreign,
        };
    }
}
