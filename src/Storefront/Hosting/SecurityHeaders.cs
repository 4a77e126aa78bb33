using Microsoft.Net.Http.Headers;

namespace PasKreatif.Storefront.Hosting;

/// <summary>Headers every response carries: a strict Content-Security-Policy, no sniffing, no framing, HSTS outside Development.</summary>
public static class SecurityHeaders
{
    /// <summary>Scripts only from our own files; Stripe Checkout is reached by a redirect after a form post, so form-action allows it.</summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard writes inline scripts and styles; it is for administrators only, so it alone gets them.</summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string Hsts = "max-age=31536000; includeSubDomains";
    public const string DefaultReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Every cookie (sign-in, antiforgery, TempData, cart, language, zone) is Secure on an HTTPS request, as the proxy saw it.</summary>
    public static IServiceCollection AddSecureCookies(this IServiceCollection services)
    {
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var hsts = !app.Environment.IsDevelopment();
        app.Use((http, next) =>
        {
            // Read now: the dashboard moves its prefix into PathBase before the response starts.
            var dashboard = http.Request.Path.StartsWithSegments(PasKreatif.Admin.AdminHost.JobsPath, StringComparison.OrdinalIgnoreCase);
            // Set when the response starts, so error pages and re-executed status pages carry them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = dashboard ? DashboardPolicy : Policy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                // A page asking for a stricter policy (the order page's link is its key) keeps its own.
                if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = DefaultReferrerPolicy;
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (hsts) headers[HeaderNames.StrictTransportSecurity] = Hsts;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
