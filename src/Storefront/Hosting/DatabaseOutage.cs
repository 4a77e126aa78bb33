using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// While PostgreSQL cannot be reached, every page answers 503 with Retry-After and a short page in the
/// buyer's language instead of an error. Every pool is cleared when the outage is seen and again before the
/// first request after it, so no connection to the stopped server (the shop's, Hangfire's, the key ring's) is reused.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 10;

    static int outageSeen;

    /// <summary>Called wherever a database failure is caught and answered (pages here, /health there).</summary>
    public static void Seen()
    {
        Interlocked.Exchange(ref outageSeen, 1);
        NpgsqlConnection.ClearAllPools();
    }

    public static WebApplication UseDatabaseOutagePage(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var afterOutage = Volatile.Read(ref outageSeen) == 1;
            if (afterOutage) NpgsqlConnection.ClearAllPools();
            try
            {
                await next(http);
                if (afterOutage) Interlocked.Exchange(ref outageSeen, 0);
            }
            catch (Exception e) when (IsOutage(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                Seen();
                app.Logger.DatabaseUnreachable(e.GetBaseException().Message);
                await WriteAsync(http);
            }
        });
        return app;
    }

    /// <summary>The database is down or unreachable, as opposed to a bug: the exception chain holds a failed connection.</summary>
    public static bool IsOutage(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            // A refused or timed-out connection reaches here as a transient NpgsqlException wrapping the socket error.
            if (inner is NpgsqlException { IsTransient: true }) return true;
            if (inner is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }) return true; // shutting down, crashed, starting up
        }
        return false;
    }

    static async Task WriteAsync(HttpContext http)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<OutageText>>();
        var html = HtmlEncoder.Default;
        var language = Thread.CurrentThread.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(text["Title"])} · PAS Kreatif</title>
            <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container py-5 narrow"><h1 class="h3">{html.Encode(text["Title"])}</h1><p>{html.Encode(text["Body"])}</p>
            <p><a class="btn btn-primary" href="{html.Encode(http.Request.Path + http.Request.QueryString)}">{html.Encode(text["Retry"])}</a></p></main></body>
            </html>
            """);
    }
}
