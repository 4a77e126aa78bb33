using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>Every route the running app maps, named as the rows of <see cref="RouteTable"/> are.</summary>
public static class AppRoutes
{
    public sealed record AppRoute(string Key, RouteEndpoint Endpoint)
    {
        public PageActionDescriptor? Page => Endpoint.Metadata.GetMetadata<PageActionDescriptor>();
        public IReadOnlyList<string> Methods => Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
    }

    public static IReadOnlyList<AppRoute> Of(ShopFactory factory)
    {
        using (factory.CreateClient()) { } // builds the host, so every data source has mapped its endpoints
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true);
        return endpoints.Select(e => new AppRoute(Key(e), e)).DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    static string Key(RouteEndpoint endpoint)
    {
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null) return "PAGE " + pattern;
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return (methods is { Count: > 0 } ? string.Join(",", methods) : "ANY") + " " + pattern;
    }

    /// <summary>The POST handlers of a Razor page ("" for plain OnPost), read from its compiled descriptor.</summary>
    public static async Task<IReadOnlyList<string>> PostHandlersAsync(ShopFactory factory, AppRoute route)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var compiled = await loader.LoadAsync(route.Page!, route.Endpoint.Metadata);
        return compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Name ?? "").Distinct().ToList();
    }

    /// <summary>A response as a route table outcome: ok, in (to sign-in), 302 (elsewhere), or the status code.</summary>
    public static string Outcome(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.OK) return "ok";
        if (code is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            var path = location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            return path.StartsWith("/masuk", StringComparison.Ordinal) ? "in" : "302";
        }
        return code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
