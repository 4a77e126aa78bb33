using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Security;

public class RateLimitTests(RateLimitTests.LimitedFactory factory) : IClassFixture<RateLimitTests.LimitedFactory>
{
    /// <summary>The shop with real, small limits; each test client claims its own address through a test-only header.</summary>
    public sealed class LimitedFactory : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:AccountPosts", "3");
            builder.UseSetting("RateLimits:CheckoutPosts", "2");
            builder.UseSetting("RateLimits:WindowSeconds", "600");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        }
    }

    static ShopClient From(ShopFactory factory, string address, string? language = null) => ClientAddress.From(factory, address, language);

    [Fact]
    public async Task Sign_in_is_limited_per_address_with_a_clear_page_and_Retry_After()
    {
        using var attacker = From(factory, "203.0.113.7");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await attacker.SignInAsync("pembeli", "tebak-tebakan-" + i)).StatusCode);

        var limited = await attacker.SignInAsync("pembeli", "tebak-tebakan-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var wait = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 600);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Terlalu banyak percobaan", page);
        Assert.Contains($"{wait} detik", page);
        Assert.Contains("frame-ancestors 'none'", limited.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The forgotten-password form shares the sign-in budget of the address.
        var forgot = await attacker.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "pembeli@pas-kreatif.test" });
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);

        // Reading pages is never limited, and another address signs in as usual.
        Assert.Equal(HttpStatusCode.OK, (await attacker.Http.GetAsync("/masuk")).StatusCode);
        using var neighbour = From(factory, "198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, (await neighbour.SignInAsync("pembeli")).StatusCode);
    }

    [Fact]
    public async Task The_limit_page_speaks_the_buyer_s_language()
    {
        using var english = From(factory, "203.0.113.99", "en");
        for (var i = 0; i < 3; i++) await english.SignInAsync("pembeli", "wrong-" + i);
        var limited = await english.SignInAsync("pembeli", "wrong-again");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Checkout_is_limited_per_address()
    {
        using var buyer = From(factory, "192.0.2.50");
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await buyer.PostWithTokenAsync("/checkout", new Dictionary<string, string>())).StatusCode);
        var limited = await buyer.PostWithTokenAsync("/checkout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));

        using var other = From(factory, "192.0.2.51");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.PostWithTokenAsync("/checkout", new Dictionary<string, string>())).StatusCode);
    }
}
