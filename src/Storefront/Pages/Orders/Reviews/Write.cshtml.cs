using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Media;
using PasKreatif.People;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Orders.Reviews;

[Authorize]
public class WriteModel(ReviewQueries queries, ReviewDesk desk, UserManager<Person> users, IStringLocalizer<TrustText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public int Stars { get; set; }
    [BindProperty] public string? Text { get; set; }
    public ReviewableLine Line { get; private set; } = null!;
    [TempData] public string? Done { get; set; }

    Guid BuyerId => Guid.Parse(users.GetUserId(User)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var line = await queries.LineAsync(BuyerId, Id, ct);
        if (line is null) return NotFound();
        if (line.ReviewId is not null) return RedirectToPage("/Orders/Reviews/Index");
        Line = line;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? photos, CancellationToken ct)
    {
        var line = await queries.LineAsync(BuyerId, Id, ct);
        if (line is null) return NotFound();
        Line = line;
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
            await desk.WriteAsync(BuyerId, Id, Stars, Text, files, ct);
            Done = text["ReviewSent"];
            return RedirectToPage("/Orders/Reviews/Index");
        }
        catch (ReviewRuleException e)
        {
            if (e.Code is "AlreadyReviewed") return RedirectToPage("/Orders/Reviews/Index");
            ModelState.AddModelError(e.Code == "Stars" ? nameof(Stars) : nameof(Text), text["Rule." + e.Code]);
        }
        catch (PhotoRefusedException e)
        {
            ModelState.AddModelError("photos", text["Photo." + e.Problem]);
        }
        return Page();
    }
}
