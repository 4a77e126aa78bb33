using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PasKreatif.Storefront.Hosting;

/// <summary>Why a post was refused, for the status page: what it says, and what the visitor typed that it can send again.</summary>
public enum RefusalReason { Expired, TooLarge, Unreadable }

public sealed record Refusal(RefusalReason Reason, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    internal static readonly object Key = new();

    public static Refusal? Of(HttpContext http) => http.Items.TryGetValue(Key, out var value) ? value as Refusal : null;
}

/// <summary>
/// Requests no visitor's browser sends, answered with a page in the visitor's language instead of an error:
/// a NUL character in an address or a form (PostgreSQL cannot store it), a method no page has (TRACE),
/// a body over the limit, and a post whose antiforgery token expired.
/// </summary>
public static class RequestRefusals
{
    /// <summary>Several photos of at most 20 MB each fit in one post; the same limit for Kestrel and for any other server.</summary>
    public const long MaxRequestBytes = 30L * 1024 * 1024;

    static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public static IServiceCollection AddRequestRefusals(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add<PageMethodsOnly>();
            o.Filters.Add<RefusedPostExplained>();
        });
        return services;
    }

    /// <summary>After the status pages, so a refusal here is explained by them.</summary>
    public static WebApplication UseRequestRefusals(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null) return next(http);
            if (http.Request.ContentLength > MaxRequestBytes)
            {
                http.Items[Refusal.Key] = new Refusal(RefusalReason.TooLarge, []);
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                http.Response.Headers.Connection = "close"; // the rest of the body is not read
                return Task.CompletedTask;
            }
            if (http.Request.QueryString.Value is { } query && query.Contains("%00", StringComparison.Ordinal))
                http.Request.QueryString = WithoutNul(query);
            // ASP.NET refuses a whole form for one NUL ("invalid characters"); dropping it from the body keeps the rest.
            if (http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                http.Request.Body = new BodyWithoutNul(http.Request.Body);
                http.Request.ContentLength = null;
            }
            if (http.Request.HasFormContentType)
                http.Features.Set<IFormFeature>(new FormWithoutNul(http.Features.Get<IFormFeature>() ?? new FormFeature(http.Request)));
            return next(http);
        });
        return app;
    }

    /// <summary>
    /// After routing: a page answers GET, HEAD and POST only; anything else (TRACE, PUT, OPTIONS) is 405 with the
    /// methods it takes, before authorization or antiforgery look at it, instead of a page run without its handler.
    /// </summary>
    public static WebApplication UsePageMethods(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null
                || PageMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase)
                || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                return next(http);
            var handlers = http.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerMethods;
            http.Response.Headers[HeaderNames.Allow] = string.Join(", ", handlers is null ? PageMethods : Allowed(handlers));
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        });
        return app;
    }

    static string[] Allowed(IList<HandlerMethodDescriptor> handlers) => handlers.Count == 0 ? PageMethods
        : PageMethods.Where(m => handlers.Any(h => string.Equals(h.HttpMethod, m == HttpMethods.Head ? HttpMethods.Get : m, StringComparison.OrdinalIgnoreCase))).ToArray();

    /// <summary>A NUL in a filter or search is dropped, so the value reads as what the visitor meant (usually nothing).</summary>
    static QueryString WithoutNul(string query)
    {
        var pairs = QueryHelpers.ParseQuery(query)
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(Clean(p.Key), (string?)Clean(v ?? ""))));
        return QueryString.Create(pairs.Where(p => p.Key.Length > 0));
    }

    static string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "", StringComparison.Ordinal) : value;

    /// <summary>A form body less its "%00" (and raw NUL bytes), read as it arrives; a "%" or "%0" at the end of a read waits for the next.</summary>
    sealed class BodyWithoutNul(Stream inner) : Stream
    {
        readonly byte[] raw = new byte[8192];
        readonly byte[] clean = new byte[8192];
        int carried, start, end;
        bool ended;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (start == end)
            {
                if (ended && carried == 0) return 0;
                var count = carried;
                if (!ended)
                {
                    var read = await inner.ReadAsync(raw.AsMemory(count), cancellationToken);
                    if (read == 0) ended = true;
                    count += read;
                }
                carried = 0;
                start = end = 0;
                for (var i = 0; i < count; i++)
                {
                    var b = raw[i];
                    if (b == 0) continue;
                    if (b == (byte)'%' && i + 2 < count)
                    {
                        if (raw[i + 1] == (byte)'0' && raw[i + 2] == (byte)'0') { i += 2; continue; }
                    }
                    else if (b == (byte)'%' && !ended)
                    {
                        // Maybe the start of a "%00" cut by this read: decide with the next bytes.
                        carried = count - i;
                        Array.Copy(raw, i, raw, 0, carried);
                        break;
                    }
                    clean[end++] = b;
                }
            }
            var n = Math.Min(buffer.Length, end - start);
            clean.AsMemory(start, n).CopyTo(buffer);
            start += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// The form as posted, less its NUL characters: nothing a visitor can type is lost, and nothing reaches the
    /// database it would refuse. Read lazily, so each endpoint's own limits still apply.
    /// </summary>
    sealed class FormWithoutNul(IFormFeature inner) : IFormFeature
    {
        IFormCollection? cleaned;

        public bool HasFormContentType => inner.HasFormContentType;

        public IFormCollection? Form
        {
            get => cleaned ??= inner.Form is { } form ? Cleaned(form) : null;
            set { inner.Form = value; cleaned = null; }
        }

        public IFormCollection ReadForm() => cleaned ??= Cleaned(inner.ReadForm());

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) =>
            cleaned ??= Cleaned(await inner.ReadFormAsync(cancellationToken));

        static IFormCollection Cleaned(IFormCollection form)
        {
            if (!form.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
                return form;
            var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in form)
                values[Clean(key)] = new StringValues(value.Select(v => Clean(v ?? "")).ToArray());
            return new FormCollection(values, form.Files);
        }
    }

    /// <summary>A GET or POST to a page without a handler for it (a POST to a page that only shows) is 405; an unknown handler name is 404.</summary>
    sealed class PageMethodsOnly : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            var handlers = context.ActionDescriptor.HandlerMethods;
            if (context.HandlerMethod is not null || handlers.Count == 0 || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                return next();
            var allowed = Allowed(handlers);
            if (allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                context.Result = new NotFoundResult();
                return Task.CompletedTask;
            }
            http.Response.Headers[HeaderNames.Allow] = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// An expired or missing antiforgery token (or a form too large to read for it) is still answered 400 (413),
    /// and the status page then explains it; what the visitor typed is kept there to send again, when the post
    /// came from the shop's own page.
    /// </summary>
    sealed class RefusedPostExplained : IAsyncAlwaysRunResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            if (context.Result is IAntiforgeryValidationFailedResult)
            {
                var http = context.HttpContext;
                var refusal = await RefusalAsync(http);
                http.Items[Refusal.Key] = refusal;
                if (refusal.Reason == RefusalReason.TooLarge) context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            }
            await next();
        }

        static async Task<Refusal> RefusalAsync(HttpContext http)
        {
            if (!http.Request.HasFormContentType) return new Refusal(RefusalReason.Expired, []);
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException { Message: var m } && m.Contains("limit", StringComparison.OrdinalIgnoreCase)
                || e is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return new Refusal(RefusalReason.TooLarge, []);
            }
            catch (InvalidDataException)
            {
                return new Refusal(RefusalReason.Unreadable, []);
            }
            catch (Exception e) when (e is IOException)
            {
                return new Refusal(RefusalReason.Expired, []);
            }
            if (!FromOurOwnPage(http.Request)) return new Refusal(RefusalReason.Expired, []);
            var fields = form
                .Where(f => f.Key != "__RequestVerificationToken" && !IsSecret(f.Key))
                .SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")))
                .ToList();
            return new Refusal(RefusalReason.Expired, fields);
        }

        /// <summary>Passwords are never written back into a page.</summary>
        static bool IsSecret(string field) =>
            field.Contains("password", StringComparison.OrdinalIgnoreCase) || field.Contains("sandi", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Only a post from the shop's own page may be offered again: a forged one from another site must not become
        /// a ready form with a fresh token.
        /// </summary>
        static bool FromOurOwnPage(HttpRequest request)
        {
            if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site) return site == "same-origin";
            return Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
                && string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                && string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
        }
    }
}
