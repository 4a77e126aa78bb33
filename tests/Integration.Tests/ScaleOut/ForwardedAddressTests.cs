using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>A local process setting X-Forwarded-For cannot pose as many clients to slip past the per-address limits, unless its address is a named proxy.</summary>
public class ForwardedAddressTests(ForwardedAddressTests.LimitedFactory factory) : IClassFixture<ForwardedAddressTests.LimitedFactory>
{
    public sealed class LimitedFactory : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:AccountPosts", "3");
            builder.UseSetting("RateLimits:WindowSeconds", "600");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        }
    }

    static async Task<HttpStatusCode> SignInPostAsync(HttpClient client, string from, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/masuk") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add(ClientAddress.Header, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Without_a_named_proxy_a_local_process_cannot_claim_other_addresses()
    {
        using var client = factory.CreateClient();
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, await SignInPostAsync(client, "127.0.0.2", $"203.0.113.{i}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInPostAsync(client, "127.0.0.2", "203.0.113.4"));
    }

    [Fact]
    public async Task A_named_proxy_is_believed_and_each_client_keeps_its_own_limit()
    {
        using var behindProxy = factory.WithWebHostBuilder(b => b.UseSetting("Proxy:KnownProxies", "127.0.0.3"));
        using var client = behindProxy.CreateClient();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(HttpStatusCode.BadRequest, await SignInPostAsync(client, "127.0.0.3", $"198.51.100.{i}"));
        for (var i = 0; i < 3; i++) await SignInPostAsync(client, "127.0.0.3", "198.51.100.50");
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInPostAsync(client, "127.0.0.3", "198.51.100.50"));
    }
}
