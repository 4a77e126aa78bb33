using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Errors;

/// <summary>Also shows the refusal of a post without a token (the one-tap add from another site): it changes nothing.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public class StatusModel(ShopQueries shop) : PageModel
{
    public int Code { get; private set; }
    /// <summary>On a 404, the words of the missing address, offered as a search.</summary>
    public string? Guess { get; private set; }
    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];
    /// <summary>On a 429, the wait the rate limiter set in Retry-After.</summary>
    public string RetryAfterSeconds => Response.Headers.RetryAfter.ToString() is { Length: > 0 } s ? s : "60";

    /// <summary>On a refused post (an expired page, a file too large), why, and what the visitor typed.</summary>
    public Refusal? Refusal { get; private set; }
    /// <summary>The address that was refused, for "open it again" and "send again".</summary>
    public string? OriginalUrl { get; private set; }

    /// <summary>A refused form post (429, 404) is re-executed here as a post; it gets the same page.</summary>
    public Task OnPostAsync(int code, CancellationToken ct) => OnGetAsync(code, ct);

    /// <summary>A refused TRACE or PUT is re-executed with its own method, which no handler has: it gets the same page.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
            await OnGetAsync(int.TryParse(RouteData.Values["code"]?.ToString(), CultureInfo.InvariantCulture, out var code) ? code : 0, HttpContext.RequestAborted);
        await next();
    }

    public async Task OnGetAsync(int code, CancellationToken ct)
    {
        Code = code;
        Refusal = Refusal.Of(HttpContext);
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original)
            OriginalUrl = original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
        if (code != 404) return;
        Guess = GuessFrom(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath);
        Categories = await shop.CategoriesAsync(ct);
    }

    /// <summary>"/produk/tas-anyaman-12" → "tas anyaman": a slug's words without its number.</summary>
    internal static string? GuessFrom(string? path)
    {
        var last = path?.TrimEnd('/').Split('/').LastOrDefault();
        if (string.IsNullOrEmpty(last)) return null;
        var words = last.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).Take(6).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
