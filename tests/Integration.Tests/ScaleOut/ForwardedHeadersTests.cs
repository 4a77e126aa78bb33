using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>The client's address and scheme are taken from the load balancer's headers, and only from a configured proxy.</summary>
public class ForwardedHeadersTests
{
    static async Task<HttpContext> ThroughAsync(string remote, IDictionary<string, string?> settings)
    {
        var options = new ForwardedHeadersOptions();
        ScaleOutHosting.ConfigureProxies(options, new ProxyOptions().ReadLists(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Request.Scheme = "http";
        http.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        http.Request.Headers["X-Forwarded-Proto"] = "https";
        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options)).Invoke(http);
        return http;
    }

    [Theory]
    [InlineData("172.30.80.10", "Proxy:KnownProxies", "10.0.0.5, 172.30.80.10")]
    [InlineData("172.30.80.10", "Proxy:KnownNetworks", "172.30.80.0/24")]
    [InlineData("127.0.0.1", "Proxy:KnownProxies", "127.0.0.1")]
    public async Task A_known_proxy_is_believed(string remote, string key, string value)
    {
        var http = await ThroughAsync(remote, new Dictionary<string, string?> { [key] = value });
        Assert.Equal("https", http.Request.Scheme);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), http.Connection.RemoteIpAddress);
    }

    [Theory]
    [InlineData("198.51.100.1", "Proxy:KnownNetworks", "172.30.80.0/24")]
    [InlineData("127.0.0.1", "Proxy:KnownProxies", "")] // loopback is not believed unless named
    [InlineData("::1", "Proxy:KnownNetworks", "")]
    public async Task Anyone_else_cannot_forge_the_address_or_the_scheme(string remote, string key, string value)
    {
        var http = await ThroughAsync(remote, new Dictionary<string, string?> { [key] = value });
        Assert.Equal("http", http.Request.Scheme);
        Assert.Equal(IPAddress.Parse(remote), http.Connection.RemoteIpAddress);
    }
}
