using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Seller.Offline;

/// <summary>
/// The workspace as an installable app: its manifest, its service worker, and the per-person key
/// the worker names its cache by, so a phone never serves one person's pages to another.
/// </summary>
public static class WorkspaceOffline
{
    public const string Scope = "/toko-saya";
    public const string ManifestPath = Scope + "/manifest.webmanifest";
    public const string KeyHeader = "X-Workspace-Key";
    const string WorkerFile = "js/workspace-sw.js";

    /// <summary>
    /// A short digest of the person and their security stamp: it changes when they sign out or
    /// change their password, so what an earlier session cached is never read again.
    /// </summary>
    public static string? KeyFor(ClaimsPrincipal user, ClaimsIdentityOptions claims)
    {
        var id = user.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = user.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (id is null || stamp is null) return null;
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("workspace-cache\n" + id + "\n" + stamp));
        return Convert.ToHexStringLower(digest.AsSpan(0, 12));
    }

    /// <summary>Every signed-in workspace response names whose it is; the worker caches only its own person's.</summary>
    public static WebApplication UseWorkspaceOffline(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Scope) && http.User.Identity?.IsAuthenticated == true
                && KeyFor(http.User, http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity) is { } key)
            {
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers[KeyHeader] = key;
                    return Task.CompletedTask;
                });
            }
            return next(http);
        });
        return app;
    }

    public static WebApplication MapWorkspaceOffline(this WebApplication app)
    {
        app.MapGet(Scope + "/sw.js", ServeWorker);
        app.MapGet(ManifestPath, ServeManifest);
        return app;
    }

    /// <summary>The worker from wwwroot, revalidated at every check so a fix reaches phones at once; allowed to control /toko-saya itself.</summary>
    static IResult ServeWorker(IWebHostEnvironment env, HttpContext http)
    {
        var file = env.WebRootFileProvider.GetFileInfo(WorkerFile);
        if (!file.Exists) return Results.NotFound();
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        http.Response.Headers["Service-Worker-Allowed"] = Scope;
        return Results.Stream(file.CreateReadStream(), "text/javascript; charset=utf-8");
    }

    /// <summary>Fetched without cookies by the browser, so it says nothing about the person: only the app's name in the visitor's language.</summary>
    static IResult ServeManifest(IStringLocalizer<WorkspaceText> text, HttpContext http)
    {
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        var manifest = new
        {
            id = Scope,
            name = text["App.Name"].Value,
            short_name = text["App.ShortName"].Value,
            description = text["App.Description"].Value,
            lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            start_url = Scope,
            scope = Scope,
            display = "standalone",
            orientation = "portrait",
            // From site.css: --pk-indigo for the bar, --pk-paper behind the splash.
            theme_color = ThemeColour,
            background_color = "#fbf7f2",
            icons = new object[]
            {
                new { src = "/icons/workspace-192.png", sizes = "192x192", type = "image/png", purpose = "any" },
                new { src = "/icons/workspace-512.png", sizes = "512x512", type = "image/png", purpose = "any" },
                new { src = "/icons/workspace-maskable-192.png", sizes = "192x192", type = "image/png", purpose = "maskable" },
                new { src = "/icons/workspace-maskable-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
            },
        };
        return Results.Json(manifest, contentType: "application/manifest+json; charset=utf-8");
    }

    public const string ThemeColour = "#2f3a7a";
}
