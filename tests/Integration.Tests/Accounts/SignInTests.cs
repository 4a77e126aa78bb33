using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Accounts;

public class SignInTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Theory]
    [InlineData("admin", "/admin")]
    [InlineData("petugas", "/admin")]
    [InlineData("pendamping", "/admin")]
    [InlineData("pembuat", "/toko-saya")]
    [InlineData("pembeli", "/")]
    [InlineData("pendamping@pas-kreatif.test", "/admin")]
    public async Task Each_role_signs_in_and_reaches_its_own_start_page(string login, string startPage)
    {
        using var client = ShopClient.For(factory);
        var response = await client.SignInAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(startPage, response.Headers.Location!.OriginalString);
        var start = await client.GetDocumentAsync(startPage);
        Assert.NotNull(start.QuerySelector("form[action='/keluar']"));
    }

    public static TheoryData<string?, string, HttpStatusCode> Refusals => new()
    {
        { null, "/admin", HttpStatusCode.Redirect },
        { null, "/toko-saya", HttpStatusCode.Redirect },
        { null, "/admin/pengaturan", HttpStatusCode.Redirect },
        { null, "/admin/jobs", HttpStatusCode.Redirect },
        { "pembeli", "/admin", HttpStatusCode.Forbidden },
        { "pembeli", "/toko-saya", HttpStatusCode.Forbidden },
        { "pembeli", "/admin/pembuat/undang", HttpStatusCode.Forbidden },
        { "pembuat", "/admin", HttpStatusCode.Forbidden },
        { "pembuat", "/admin/jobs", HttpStatusCode.Forbidden },
        { "pendamping", "/toko-saya", HttpStatusCode.Forbidden },
        { "pendamping", "/admin/pengaturan", HttpStatusCode.Forbidden },
        { "pendamping", "/admin/jobs", HttpStatusCode.Forbidden },
        { "petugas", "/admin/pengaturan", HttpStatusCode.Forbidden },
        { "petugas", "/admin/jobs", HttpStatusCode.Forbidden },
        { "petugas", "/toko-saya", HttpStatusCode.Forbidden },
        { "admin", "/toko-saya", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_role_is_refused_the_pages_of_the_others(string? login, string url, HttpStatusCode expected)
    {
        using var client = ShopClient.For(factory);
        if (login is not null)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(login)).StatusCode);

        var response = await client.Http.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery());
        else
            Assert.Contains("Akses ditolak", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("admin", "/admin/pengaturan")]
    [InlineData("admin", "/admin/jobs")]
    [InlineData("petugas", "/admin/pembuat/undang")]
    public async Task Roles_reach_what_is_theirs(string login, string url)
    {
        using var client = ShopClient.For(factory);
        await client.SignInAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        using var client = ShopClient.For(factory);
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SignInAsync("pembeli2", "wrong-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var locked = await client.SignInAsync("pembeli2");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("dikunci", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_which_part()
    {
        using var client = ShopClient.For(factory);
        var response = await client.SignInAsync("tidak-ada", "whatever-123");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("salah", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_failed_sign_in_reads_the_same_so_no_user_name_can_be_probed()
    {
        using var locker = ShopClient.For(factory);
        for (var i = 0; i < 6; i++) await locker.SignInAsync("pembeli2", "salah-lagi-" + i);

        var messages = new Dictionary<string, string>();
        foreach (var (name, login) in new[] { ("wrong password", "pembeli"), ("unknown user", "tidak-ada-orang-ini"), ("locked out", "pembeli2"), ("unknown email", "siapa@contoh.test") })
        {
            using var client = ShopClient.For(factory);
            using var response = await client.SignInAsync(login, "bukan-sandinya");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            messages[name] = page.QuerySelector("main .alert-danger")?.TextContent.Trim() ?? "";
        }
        Assert.Single(messages.Values.Distinct());
        Assert.Contains("Nama pengguna, email atau kata sandi salah.", messages["unknown user"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copied_sign_in_cookie_stops_working_after_sign_out()
    {
        using var client = ShopClient.For(factory);
        using var signedIn = await client.SignInAsync("pembeli");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".PasKreatif.Auth=", StringComparison.Ordinal)).Split(';')[0];

        using var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/akun")).StatusCode);

        using var signedOut = await client.SubmitAsync("/akun", new Dictionary<string, string>(), "form[action='/keluar']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var after = await copy.GetAsync("/akun");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/masuk", after.Headers.Location!.PathAndQuery());
        // Signing in again gives a new, working session.
        using var again = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("pembeli")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/akun")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        using var client = ShopClient.For(factory);
        await client.SignInAsync("pembeli");
        var forged = await client.Http.PostAsync("/keluar", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
