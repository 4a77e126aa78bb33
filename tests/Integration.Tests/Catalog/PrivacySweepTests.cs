using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>
/// Renders every public page of the tiny demo data, in both languages, and searches the HTML for
/// each maker's private fields and the words shared/decisions.md keeps off public pages.
/// </summary>
public partial class PrivacySweepTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    // shared/decisions.md, "Words on public pages".
    static readonly string[] ForbiddenWords =
    [
        "narapidana", "napi", "eks-napi", "mantan narapidana", "residivis", "tahanan", "penjara", "lapas", "rutan",
        "pembebasan bersyarat", "cuti menjelang bebas", "wajib lapor", "prisoner", "inmate", "convict", "ex-offender", "parole",
    ];

    [Fact]
    public async Task No_public_page_shows_a_makers_private_fields_or_a_forbidden_word()
    {
        // Private notes and pending stories are filled the way a mentor might, so a leak would show.
        await using (var db = factory.OpenDb())
        {
            foreach (var maker in await db.Makers.ToListAsync())
            {
                maker.PrivateNotes = $"Catatan rahasia {maker.Id}: wajib lapor hari Senin";
                if (maker.Story.Status != StoryStatus.Approved)
                    maker.Story = MakerStory.Submitted(null, $"Cerita belum disetujui {maker.Id}", DateTimeOffset.UtcNow);
            }
            await db.SaveChangesAsync();
        }

        await using var read = factory.OpenDb();
        var makers = await read.Makers.Select(m => new
        {
            m.Slug, m.DisplayName, m.LegalName, m.Phone, m.PrivateNotes, m.Person!.Email, Pending = m.Story.Pending,
        }).ToListAsync();
        Assert.Equal(10, makers.Count);
        var secrets = makers.SelectMany(m => new[] { m.LegalName, m.Phone, m.PrivateNotes, m.Email, m.Pending })
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
        Assert.Contains(secrets, s => s.Contains('@'));

        using var client = ShopClient.For(factory);
        var sitemap = XDocument.Parse(await client.Http.GetStringAsync("/sitemap.xml"));
        var urls = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery).ToList();
        Assert.Contains(urls, u => u.StartsWith("/produk/"));
        urls.AddRange(makers.Select(m => "/pembuat/" + m.Slug));
        urls.AddRange(["/cari?q=kue", "/cari?q=tas+daur+ulang", "/cari?q=lukisan", "/cari?q=kerajnan", "/cari?q=zzqx"]);
        urls.Add("/produk/tidak-ada");

        var pattern = new Regex(@"(?<![\p{L}-])(" + string.Join("|", ForbiddenWords.Select(Regex.Escape)) + @")(?![\p{L}])", RegexOptions.IgnoreCase);
        var checkedPages = 0;
        foreach (var language in new[] { "id", "en" })
        {
            using var visitor = ShopClient.For(factory);
            await visitor.Http.GetAsync($"/bahasa/{language}?kembali=%2F");
            foreach (var url in urls.Distinct())
            {
                var response = await visitor.Http.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                foreach (var secret in secrets)
                    Assert.False(html.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} ({language}) shows the private \"{secret}\"");
                var word = pattern.Match(html);
                Assert.False(word.Success, $"{url} ({language}) shows the forbidden word \"{word.Value}\"");
                checkedPages++;
            }
        }
        Assert.True(checkedPages > 100, $"only {checkedPages} pages checked");
    }

    [Fact]
    public async Task A_maker_page_shows_an_approved_story_and_never_a_pending_one()
    {
        // Saved through the shop's own DbContext, which also evicts any cached maker page.
        var makers = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PasKreatif.Persistence.MarketplaceDb>();
            var two = await db.Makers.OrderBy(m => m.Id).Take(2).ToListAsync();
            two[0].Story = MakerStory.Shown("Saya belajar menjahit dan kini menerima pesanan seragam.", DateTimeOffset.UtcNow);
            two[1].Story = MakerStory.Submitted(null, "Cerita yang masih menunggu persetujuan", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return two;
        });
        var approved = new { makers[0].Slug, makers[0].Story.Published };
        var pending = makers[1];

        using var client = ShopClient.For(factory);
        var shown = await client.GetDocumentAsync("/pembuat/" + approved.Slug);
        Assert.Equal(approved.Published, shown.QuerySelector(".maker-story")!.TextContent.Trim());
        var hidden = await client.GetDocumentAsync("/pembuat/" + pending.Slug);
        Assert.Null(hidden.QuerySelector(".maker-story"));
        Assert.DoesNotContain("menunggu persetujuan", hidden.Body!.TextContent);
    }
}
