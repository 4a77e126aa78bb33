using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.Localization;

namespace PasKreatif.Integration.Tests.Security;

public class SecurityHeaderTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    public static TheoryData<string?, string> Responses => new()
    {
        { null, "/" },
        { null, "/produk/{listingSlug}" },
        { null, "/cari?q=%3Cscript%3E" },
        { null, "/masuk" },
        { null, "/tidak-ada-di-sini" },
        { null, "/css/site.css" },
        { null, "/health" },
        { null, "/sitemap.xml" },
        { null, "/admin" },
        { "pembuat", "/toko-saya" },
        { "admin", "/admin" },
        { "admin", "/admin/kemandirian" },
        { "pembeli", "/admin" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string? login, string sample)
    {
        using var client = ShopClient.For(factory);
        if (login is not null) await client.SignInAsync(login);
        var url = RouteSamples.Fill(sample, await RouteSamples.LoadAsync(factory));
        using var response = await client.Http.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches(@"(^|;\s*)script-src 'self'(;|$)", csp);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://checkout.stripe.com", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_post_and_a_rate_limited_page_carry_them_too()
    {
        using var client = ShopClient.For(factory);
        using var refused = await client.Http.PostAsync("/masuk", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(refused, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(refused, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task The_job_dashboard_alone_may_run_its_inline_scripts_and_still_works()
    {
        using var client = ShopClient.For(factory);
        await client.SignInAsync("admin");
        using var dashboard = await client.Http.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var csp = Header(dashboard, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // Its scripts and styles come from its own routes, allowed by 'self'.
        var html = await dashboard.Content.ReadAsStringAsync();
        var script = Regex.Match(html, "<script[^>]+src=\"(/admin/jobs/js[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        using var js = await client.Http.GetAsync(WebUtility.HtmlDecode(script));
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Fact]
    public void No_page_or_layout_holds_an_inline_script_or_event_handler()
    {
        var offenders = new List<string>();
        var src = Path.Combine(ResourceParityTests.RepositoryRoot(), "src");
        foreach (var file in Directory.GetFiles(src, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match tag in Regex.Matches(text, @"<script\b[^>]*>", RegexOptions.IgnoreCase))
                if (!tag.Value.Contains("src=", StringComparison.OrdinalIgnoreCase) && !Regex.IsMatch(tag.Value, "type=\"application/(ld\\+)?json\"", RegexOptions.IgnoreCase))
                    offenders.Add($"{Path.GetRelativePath(src, file)}: {tag.Value}");
            foreach (Match handler in Regex.Matches(text, @"<[a-zA-Z][^>]*\s(on[a-z]+)\s*=", RegexOptions.IgnoreCase))
                offenders.Add($"{Path.GetRelativePath(src, file)}: {handler.Groups[1].Value}= attribute");
            if (Regex.IsMatch(text, @"href\s*=\s*""javascript:", RegexOptions.IgnoreCase))
                offenders.Add($"{Path.GetRelativePath(src, file)}: javascript: link");
        }
        Assert.True(offenders.Count == 0, "Move these into wwwroot/js files:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public async Task Rendered_pages_hold_no_inline_script_either()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var parser = new HtmlParser();
        var checkedPages = 0;
        for (var role = 0; role < RouteTable.Roles.Length; role++)
        {
            using var client = ShopClient.For(factory);
            if (RouteTable.Logins[role] is { } login) await client.SignInAsync(login);
            foreach (var row in RouteTable.Rows.Where(r => r.Route.StartsWith("PAGE ", StringComparison.Ordinal) && r.Outcomes[role] == "ok"))
            {
                using var response = await client.Http.GetAsync(RouteSamples.Fill(row.Sample, samples));
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                var inline = page.QuerySelectorAll("script:not([src])").Where(s => s.GetAttribute("type") is not ("application/json" or "application/ld+json")).ToList();
                Assert.True(inline.Count == 0, $"{row.Sample}: inline script {inline.FirstOrDefault()?.OuterHtml}");
                var handlers = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.True(handlers.Count == 0, $"{row.Sample}: event handler attribute {handlers.FirstOrDefault()?.Name}");
                checkedPages++;
            }
        }
        Assert.True(checkedPages > 40, $"only {checkedPages} pages checked");
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}

public class SecurityHeadersInDevelopmentTests(SecurityHeadersInDevelopmentTests.DevelopmentFactory factory) : IClassFixture<SecurityHeadersInDevelopmentTests.DevelopmentFactory>
{
    public sealed class DevelopmentFactory : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            // Development looks for a web root beside the project; the shop's shared one is at the repository root.
            builder.UseWebRoot(Path.Combine(ResourceParityTests.RepositoryRoot(), "wwwroot"));
            // ...and its static web assets manifest names the project's own (absent) wwwroot; the shop does not use it.
            builder.UseSetting(WebHostDefaults.StaticWebAssetsKey, Path.Combine(Path.GetTempPath(), "pk-no-static-web-assets.json"));
        }
    }

    [Fact]
    public async Task Development_gets_the_policy_but_no_HSTS()
    {
        using var client = ShopClient.For(factory);
        using var response = await client.Http.GetAsync("/masuk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
