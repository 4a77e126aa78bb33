using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.Security;

namespace PasKreatif.Integration.Tests.Forms;

/// <summary>
/// The CSP allows styles from our files only, so an inline style is silently dropped by the browser
/// (ASP.NET's hidden summary item was: an empty red box on every form). None may be rendered anywhere.
/// </summary>
public class InlineStyleTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static readonly HtmlParser Parser = new();

    [Fact]
    public async Task No_page_any_role_can_open_carries_an_inline_style_or_an_empty_error_box()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var checkedPages = 0;
        for (var r = 0; r < RouteTable.Roles.Length; r++)
        {
            using var client = ShopClient.For(factory);
            if (RouteTable.Logins[r] is { } login) await client.SignInAsync(login);
            foreach (var row in RouteTable.Rows.Where(x => (x.Route.StartsWith("PAGE ", StringComparison.Ordinal) || x.Route.StartsWith("GET ", StringComparison.Ordinal)) && x.Outcomes[r] == "ok"))
            {
                var url = RouteSamples.Fill(row.Sample, samples);
                using var response = await client.Http.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var html = await response.Content.ReadAsStringAsync();
                AssertClean(html, $"{RouteTable.Roles[r]} {url}");
                checkedPages++;
            }
        }
        Assert.True(checkedPages > 40, $"only {checkedPages} pages were checked");
    }

    [Theory]
    [InlineData(null, "/masuk")]
    [InlineData(null, "/lupa-sandi")]
    [InlineData("pembuat", "/toko-saya/produk/baru")]
    [InlineData("pembeli", "/produk/{listingSlug}/tanya")]
    public async Task A_form_sent_empty_shows_its_errors_without_inline_styles(string? login, string sample)
    {
        using var client = ShopClient.For(factory);
        if (login is not null) await client.SignInAsync(login);
        var url = RouteSamples.Fill(sample, await RouteSamples.LoadAsync(factory));
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => i.Type is "text" or "email" or "password" or "number" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, _ => "");
        foreach (var t in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>()) fields[t.Name!] = "";
        using var response = await client.PostFormAsync(form, url, fields);
        var html = await response.Content.ReadAsStringAsync();
        AssertClean(html, "POST " + url);
        var summary = Parser.ParseDocument(html).QuerySelector(".error-summary");
        Assert.True(summary is not null, $"{(int)response.StatusCode}: {html}");
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.NotEmpty(summary.QuerySelectorAll("li"));
    }

    static void AssertClean(string html, string where)
    {
        var doc = Parser.ParseDocument(html);
        var styled = doc.QuerySelectorAll("[style]").Select(e => e.OuterHtml[..Math.Min(120, e.OuterHtml.Length)]).ToList();
        Assert.True(styled.Count == 0, $"{where}: inline style on {string.Join(" | ", styled)}");
        Assert.Empty(doc.QuerySelectorAll("style"));
        Assert.Empty(doc.QuerySelectorAll(".validation-summary-valid"));
        foreach (var summary in doc.QuerySelectorAll(".error-summary"))
            Assert.False(string.IsNullOrWhiteSpace(summary.TextContent), $"{where}: an empty error summary");
    }
}
