using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Catalog;

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

    /// <summary>A refused form post (429, 404) is re-executed here as a post; it gets the same page.</summary>
    public Task OnPostAsync(int code, CancellationToken ct) => OnGetAsync(code, ct);

    public async Task OnGetAsync(int code, CancellationToken ct)
    {
        Code = code;
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
