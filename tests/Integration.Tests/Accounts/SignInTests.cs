using System.Net;
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
