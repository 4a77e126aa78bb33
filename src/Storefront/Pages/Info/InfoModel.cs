using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Info;

/// <summary>The pages every shop has (about, how to buy, delivery, returns, privacy, terms, contact): words from InfoText.</summary>
[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class InfoModel : PageModel
{
    public void OnGet() { }
}

/// <summary>A page's text as written in the resource: "## " starts a heading, "- " a list item, any other line a paragraph.</summary>
public sealed record InfoBlock(string Kind, IReadOnlyList<string> Lines)
{
    public static IReadOnlyList<InfoBlock> Parse(string body)
    {
        var blocks = new List<InfoBlock>();
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("## ", StringComparison.Ordinal)) blocks.Add(new("h2", [line[3..]]));
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (blocks.Count > 0 && blocks[^1].Kind == "ul") ((List<string>)blocks[^1].Lines).Add(line[2..]);
                else blocks.Add(new("ul", new List<string> { line[2..] }));
            }
            else blocks.Add(new("p", [line]));
        }
        return blocks;
    }
}

/// <summary>The shop's own contact, from configuration (Shop:Contact:*): never a maker's. Blank values are left out.</summary>
public sealed class ShopContact : ISettingGroup
{
    public const string Section = "Shop:Contact";

    public string? Email { get; set => field = Clean(value); }
    public string? Phone { get; set => field = Clean(value); }
    public string? WhatsApp { get; set => field = Clean(value); }
    public string? Address { get; set => field = Clean(value); }
    public string? Hours { get; set => field = Clean(value); }

    static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    public IEnumerable<string?> Problems(string section) =>
        [Email is null || People.EmailRule.IsValid(Email) ? null : $"{section}:{nameof(Email)} must be a mail address, not \"{Email}\"."];

    /// <summary>wa.me wants the number in 62 form, digits only.</summary>
    public string? WhatsAppLink => WhatsApp is null ? null : Sharing.ShareLinks.InternationalPhone(WhatsApp) is { } n ? "https://wa.me/" + n : null;
}
