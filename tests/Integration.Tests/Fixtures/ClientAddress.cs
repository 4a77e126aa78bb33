using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>In-process requests have no client address; a test client claims one through a test-only header.</summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, inner) =>
        {
            if (http.Request.Headers[Header].FirstOrDefault() is { } address) http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            return inner(http);
        });
        next(app);
    };

    public static ShopClient From(ShopFactory factory, string address, string? language = null)
    {
        var client = ShopClient.For(factory);
        client.Http.DefaultRequestHeaders.Add(Header, address);
        if (language is not null) client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }
}
