using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using PasKreatif.Integration.Tests.Fixtures;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>Requests an attacker sends and no browser does: each gets a page in the visitor's language, never a 500 or an empty body.</summary>
public class HostileRequestTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static readonly HtmlParser Parser = new();

    public static TheoryData<string> NulFilters => new()
    {
        "/kategori/{categorySlug}?program=%00",
        "/kategori/{categorySlug}?kelompok=%00",
        "/kategori/{categorySlug}?kabupaten=%00",
        "/kategori/{categorySlug}?urut=%00&stok=%00&kirim=%00&setelah=%00",
        "/kategori/{categorySlug}?harga-min=%00&harga-maks=1%0000",
        "/program/{programmeSlug}?kelompok=%00",
        "/program/{programmeSlug}?kategori=%00&kabupaten=a%00b",
        "/pembuat/{makerSlug}?program=%00",
        "/cari?q=%00",
        "/cari?q=tas%00anyaman&hal=%00",
        "/?%00=%00",
    };

    [Theory]
    [MemberData(nameof(NulFilters))]
    public async Task A_NUL_in_a_filter_is_ignored_and_the_page_shows(string sample)
    {
        using var client = ShopClient.For(factory);
        var url = RouteSamples.Fill(sample, await RouteSamples.LoadAsync(factory));
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("main h1"));
        Assert.DoesNotContain("\0", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> UnknownMethods => new()
    {
        { "TRACE", "/produk/{listingSlug}" },
        { "TRACE", "/kategori/{categorySlug}" },
        { "TRACE", "/pembuat/{makerSlug}" },
        { "TRACE", "/pesanan/{orderToken}" },
        { "TRACE", "/tentang" },
        { "TRACE", "/toko-saya" },
        { "TRACE", "/admin" },
        { "PUT", "/produk/{listingSlug}" },
        { "DELETE", "/pesanan/{orderToken}" },
        { "PATCH", "/masuk" },
        { "TRACE", "/ping" },
    };

    [Theory]
    [MemberData(nameof(UnknownMethods))]
    public async Task A_method_no_page_has_is_405_with_a_page(string method, string sample)
    {
        using var client = ShopClient.For(factory);
        var url = RouteSamples.Fill(sample, await RouteSamples.LoadAsync(factory));
        using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        if (!url.StartsWith("/ping", StringComparison.Ordinal)) Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("Permintaan tidak didukung", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_shows_is_405_in_English_too()
    {
        using var client = ShopClient.For(factory);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var url = RouteSamples.Fill("/produk/{listingSlug}", await RouteSamples.LoadAsync(factory));
        using var response = await client.PostWithTokenAsync(url, new Dictionary<string, string> { ["x"] = "1" });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        Assert.Contains("Request not supported", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "Halaman ini kedaluwarsa, silakan coba lagi", "Kirim lagi")]
    [InlineData("en", "This page has expired, please try again", "Send again")]
    public async Task An_expired_sign_in_form_explains_itself_and_keeps_what_was_typed(string? language, string explain, string resend)
    {
        using var client = ShopClient.For(factory);
        if (language is not null) client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await client.GetDocumentAsync("/masuk");
        using var expired = new HttpRequestMessage(HttpMethod.Post, "/masuk?ReturnUrl=%2Fakun")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = "pembeli", ["Password"] = ShopClient.DemoPassword, ["__RequestVerificationToken"] = "kedaluwarsa",
            }),
        };
        expired.Headers.Add("Origin", "http://localhost");
        using var refused = await client.Http.SendAsync(expired);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains(explain, page.Body!.TextContent, StringComparison.Ordinal);

        // The typed login waits in a form with a fresh token; the password is never written back.
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Single();
        Assert.Equal("/masuk?ReturnUrl=%2Fakun", form.GetAttribute("action"));
        Assert.Equal(resend, form.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal("pembeli", form.QuerySelector<IHtmlInputElement>("input[name=Login]")!.Value);
        Assert.Null(form.QuerySelector("input[name=Password]"));
        Assert.NotEqual("kedaluwarsa", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value);

        using var again = await client.PostFormAsync(form, "/masuk", new Dictionary<string, string> { ["Password"] = ShopClient.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/akun", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_from_another_site_is_explained_but_never_offered_again()
    {
        using var client = ShopClient.For(factory);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/masuk")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "pembeli", ["Password"] = "tebakan" }),
        };
        forged.Headers.Add("Origin", "https://penipu.example");
        using var refused = await client.Http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Halaman ini kedaluwarsa", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task An_expired_back_office_form_gets_the_same_page()
    {
        using var admin = ShopClient.For(factory);
        await admin.SignInAsync("admin");
        using var refused = await admin.Http.PostAsync("/admin/pengaturan", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Halaman ini kedaluwarsa, silakan coba lagi", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Berkas lebih besar dari 20 MB")]
    [InlineData("en", "The file is larger than 20 MB")]
    public async Task An_upload_over_the_limit_is_explained(string? language, string explain)
    {
        using var maker = ShopClient.For(factory);
        if (language is not null) maker.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await maker.SignInAsync("pembuat");
        var listing = await CreateListingAsync(maker, "Tas anyaman besar sekali");
        using var response = await UploadAsync(maker, listing, new byte[31 * 1024 * 1024], "besar.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(explain, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NUL_in_a_form_field_is_dropped_and_the_form_works()
    {
        using var client = ShopClient.For(factory);
        using var signedIn = await client.SignInAsync("pem\0beli\0");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var stranger = ShopClient.For(factory);
        using var refused = await stranger.SubmitAsync("/daftar", new Dictionary<string, string>
        {
            ["Name"] = "Budi\0", ["Email"] = "budi\0@contoh.test", ["Phone"] = "0812\0", ["Password"] = "sandi\0-panjang-sekali",
        });
        Assert.NotEqual(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.NotEmpty(await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cookies_are_Secure_over_HTTPS_and_only_then()
    {
        using var secure = new ShopClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost/"),
        }));
        var cookies = new List<string>();
        using (var form = await secure.Http.GetAsync("/masuk")) cookies.AddRange(SetCookies(form));
        await secure.GetDocumentAsync("/masuk");
        using (var signIn = await secure.SignInAsync("pembuat")) cookies.AddRange(SetCookies(signIn));
        // A workspace action leaves its message in TempData.
        var listing = await CreateListingAsync(secure, "Tas anyaman untuk HTTPS");
        using (var paused = await ActAsync(secure, $"/toko-saya/produk/{listing}", "Submit")) cookies.AddRange(SetCookies(paused));
        using (var language = await secure.Http.GetAsync("/bahasa/en?kembali=/")) cookies.AddRange(SetCookies(language));

        foreach (var name in new[] { ".AspNetCore.Antiforgery", ".PasKreatif.Auth", ".AspNetCore.Mvc.CookieTempDataProvider", ".PasKreatif.Culture" })
        {
            var cookie = cookies.FirstOrDefault(c => c.StartsWith(name, StringComparison.Ordinal));
            Assert.True(cookie is not null, $"{name} not set; set: {string.Join(" | ", cookies)}");
            Assert.Contains("secure", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        }

        // Plain HTTP (a developer's machine) keeps cookies usable.
        using var plain = ShopClient.For(factory);
        using var plainForm = await plain.Http.GetAsync("/masuk");
        Assert.DoesNotContain(SetCookies(plainForm), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    internal static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    [Fact]
    public async Task The_order_page_keeps_its_own_referrer_policy_and_other_pages_get_the_default()
    {
        using var client = ShopClient.For(factory);
        var samples = await RouteSamples.LoadAsync(factory);
        using var order = await client.Http.GetAsync(RouteSamples.Fill("/pesanan/{orderToken}", samples));
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(order.Headers.GetValues("Referrer-Policy")));
        using var status = await client.Http.GetAsync(RouteSamples.Fill("/pesanan/{orderToken}/status", samples));
        Assert.Equal("no-referrer", Assert.Single(status.Headers.GetValues("Referrer-Policy")));
        using var home = await client.Http.GetAsync("/");
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(home.Headers.GetValues("Referrer-Policy")));
    }
}
