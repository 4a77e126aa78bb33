using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace PasKreatif.Storefront.Hosting;

/// <summary>Limits per client address on the posts an attacker would repeat: signing in, password reset, checkout.</summary>
public static class RateLimits
{
    /// <summary>Section "RateLimits".</summary>
    public sealed class Options : ISettingGroup
    {
        public const string Section = "RateLimits";

        public int WindowSeconds { get; set; } = 60;
        /// <summary>Sign-in, forgotten-password and reset posts together, per address and window.</summary>
        public int AccountPosts { get; set; } = 10;
        public int CheckoutPosts { get; set; } = 10;

        public IEnumerable<string?> Problems(string section) =>
        [
            Settings.AtLeast($"{section}:{nameof(WindowSeconds)}", WindowSeconds, 1),
            Settings.AtLeast($"{section}:{nameof(AccountPosts)}", AccountPosts, 1),
            Settings.AtLeast($"{section}:{nameof(CheckoutPosts)}", CheckoutPosts, 1),
        ];
    }

    static readonly string[] AccountPaths = ["/masuk", "/lupa-sandi", "/atur-ulang-sandi", "/daftar"];
    static readonly string[] CheckoutPaths = ["/checkout"];

    public static IServiceCollection AddShopRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<Options>(configuration, Options.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Options>((o, options) =>
        {
            var window = TimeSpan.FromSeconds(options.WindowSeconds);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var bucket = Bucket(http.Request);
                if (bucket is null) return RateLimitPartition.GetNoLimiter("free");
                var limit = bucket == "account" ? options.AccountPosts : options.CheckoutPosts;
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(bucket + "|" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit, Window = window, QueueLimit = 0, AutoReplenishment = true,
                });
            });
            // No body here: the status page then explains the wait in the visitor's language.
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] =
                    Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    static string? Bucket(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return null;
        if (AccountPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return "account";
        if (CheckoutPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return "checkout";
        return null;
    }
}
