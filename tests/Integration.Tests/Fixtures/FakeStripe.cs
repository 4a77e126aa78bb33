using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// A local stand-in for Stripe's HTTP API on 127.0.0.1, answering what Stripe.net calls (Checkout
/// sessions, refunds) with Stripe's JSON shapes, and signing webhook payloads as Stripe does.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    public const string SecretKey = "sk_test_fake_paskreatif";
    public const string WebhookSecret = "whsec_test_paskreatif";
    readonly HttpListener listener = new();
    readonly CancellationTokenSource stop = new();
    int counter;

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Form)> Requests { get; } = new();

    public FakeStripe()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) when (stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var form = Parse(await reader.ReadToEndAsync());
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue((context.Request.HttpMethod, path, form));
        var n = Interlocked.Increment(ref counter);
        var authorised = context.Request.Headers["Authorization"] == $"Bearer {SecretKey}";
        object body; var status = 200;
        if (!authorised) { status = 401; body = Error("Invalid API Key provided"); }
        else if (context.Request.HttpMethod == "POST" && path == "/v1/checkout/sessions")
        {
            var id = $"cs_test_{n:D6}";
            body = new Dictionary<string, object?>
            {
                ["id"] = id, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "open", ["payment_status"] = "unpaid",
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"), ["currency"] = "idr",
                ["amount_total"] = AmountTotal(form), ["metadata"] = Metadata(form, "metadata"),
                ["success_url"] = form.GetValueOrDefault("success_url"), ["url"] = $"{BaseUrl}/pay/{id}",
            };
        }
        else if (context.Request.HttpMethod == "POST" && path == "/v1/refunds")
        {
            body = new Dictionary<string, object?>
            {
                ["id"] = $"re_test_{n:D6}", ["object"] = "refund", ["status"] = "succeeded", ["currency"] = "idr",
                ["payment_intent"] = form.GetValueOrDefault("payment_intent"), ["amount"] = 0,
            };
        }
        else { status = 404; body = Error("Unrecognized request URL"); }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = $"req_{n}";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>The sum the shop asked Stripe to charge, in Stripe's hundredths.</summary>
    static long AmountTotal(Dictionary<string, string> form) =>
        Enumerable.Range(0, 100).TakeWhile(i => form.ContainsKey($"line_items[{i}][quantity]"))
            .Sum(i => long.Parse(form[$"line_items[{i}][quantity]"], CultureInfo.InvariantCulture) * long.Parse(form[$"line_items[{i}][price_data][unit_amount]"], CultureInfo.InvariantCulture));

    static Dictionary<string, string> Metadata(Dictionary<string, string> form, string prefix) =>
        form.Where(p => p.Key.StartsWith(prefix + "[", StringComparison.Ordinal))
            .ToDictionary(p => p.Key[(prefix.Length + 1)..^1], p => p.Value);

    static object Error(string message) => new { error = new { message, type = "invalid_request_error" } };

    static Dictionary<string, string> Parse(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    /// <summary>A webhook event as Stripe sends it: the JSON and its Stripe-Signature header.</summary>
    public static (string Payload, string Signature) Event(string id, string type, object dataObject, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        var created = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["object"] = "event", ["api_version"] = Stripe.StripeConfiguration.ApiVersion, ["created"] = created,
            ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
            ["request"] = new { id = (string?)null, idempotency_key = (string?)null },
            ["data"] = new { @object = dataObject },
        });
        return (payload, Sign(payload, created, secret));
    }

    public static string Sign(string payload, long timestamp, string secret = WebhookSecret)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ts}.{payload}"));
        return $"t={ts},v1={Convert.ToHexStringLower(mac)}";
    }

    public static object CompletedSession(int orderId, string paymentIntent, string sessionId = "cs_test_done") => new Dictionary<string, object?>
    {
        ["id"] = sessionId, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "complete", ["payment_status"] = "paid",
        ["client_reference_id"] = orderId.ToString(CultureInfo.InvariantCulture), ["currency"] = "idr",
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
        ["payment_intent"] = paymentIntent,
    };

    public static object RefundedCharge(string paymentIntent, long amountHundredths) => new Dictionary<string, object?>
    {
        ["id"] = "ch_" + paymentIntent[3..], ["object"] = "charge", ["payment_intent"] = paymentIntent, ["currency"] = "idr",
        ["amount"] = amountHundredths, ["amount_refunded"] = amountHundredths, ["refunded"] = true, ["paid"] = true, ["status"] = "succeeded",
    };

    public static object FailedIntent(int orderId, string paymentIntent) => new Dictionary<string, object?>
    {
        ["id"] = paymentIntent, ["object"] = "payment_intent", ["status"] = "requires_payment_method", ["currency"] = "idr",
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
    };

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (stop.IsCancellationRequested) return;
        stop.Cancel();
        listener.Stop();
        listener.Close();
    }
}
