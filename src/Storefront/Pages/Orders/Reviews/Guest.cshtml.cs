using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Media;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Orders.Reviews;

/// <summary>A guest reviews a line of a completed order from its token link: no account, the same moderation.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class GuestModel(ReviewQueries queries, ReviewDesk desk, IStringLocalizer<TrustText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public int Stars { get; set; }
    [BindProperty] public string? Text { get; set; }
    public ReviewableLine Line { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var line = await queries.GuestLineAsync(Token, Id, ct);
        if (line is null) return NotFound();
        Line = line;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? photos, CancellationToken ct)
    {
        var line = await queries.GuestLineAsync(Token, Id, ct);
        if (line is null) return NotFound();
        Line = line;
        if (line.ReviewId is not null) return Page();
        try
        {
            var files = new List<byte[]>();
            foreach (var photo in (photos ?? []).Where(p => p.Length > 0))
            {
                if (PhotoRules.CheckSize(photo.Length) is not PhotoProblem.None and var refused) throw new PhotoRefusedException(refused);
                using var buffer = new MemoryStream((int)photo.Length);
                await photo.CopyToAsync(buffer, ct);
                files.Add(buffer.ToArray());
            }
            await desk.WriteAsGuestAsync(Token, Id, Stars, Text, files, ct);
            return RedirectToPage("/Orders/Reviews/Guest", new { token = Token, id = Id });
        }
        catch (ReviewRuleException e)
        {
            if (e.Code is "AlreadyReviewed") return RedirectToPage("/Orders/Reviews/Guest", new { token = Token, id = Id });
            ModelState.AddModelError(e.Code == "Stars" ? nameof(Stars) : nameof(Text), text["Rule." + e.Code]);
        }
        catch (PhotoRefusedException e)
        {
            ModelState.AddModelError("photos", text["Photo." + e.Problem]);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
