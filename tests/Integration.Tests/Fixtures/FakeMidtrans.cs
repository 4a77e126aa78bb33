using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// A local stand-in for Midtrans' Core API on 127.0.0.1: the shop's <see cref="MidtransSimulator"/> (the one
/// wire format, also behind the demo's simulator) served by an HttpListener with the tests' own server key,
/// a record of each request, a switch that makes the status API fail, and notifications signed here,
/// independently of the shop's code.
/// </summary>
public sealed class FakeMidtrans : IDisposable
{
    public const string ServerKey = "SB-Mid-server-fake-paskreatif";
    readonly HttpListener listener = new();
    readonly CancellationTokenSource stop = new();
    readonly MidtransSimulator book = new(ServerKey);

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Method, string Path, JsonNode? Body)> Requests { get; } = new();
    /// <summary>When set, GET status answers HTTP 500 (Midtrans having a moment).</summary>
    public bool StatusDown { get; set; }
    readonly ConcurrentDictionary<string, long> reportedGross = new();

    public IReadOnlyCollection<MidtransSimulator.Transaction> Transactions => book.Transactions;
    public MidtransSimulator.Transaction this[string orderId] => book[orderId];

    public FakeMidtrans()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        book.BaseUrl = BaseUrl;
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>A transaction the shop opened for an order (by its number).</summary>
    public MidtransSimulator.Transaction For(string orderNumber) =>
        book.Transactions.Where(t => t.OrderId.StartsWith(orderNumber + "-", StringComparison.Ordinal)).OrderBy(t => t.TransactionId).Last();

    /// <summary>The buyer pays at the bank or in the app: refused when the transaction no longer waits, as Midtrans refuses.</summary>
    public void Pay(string orderId)
    {
        if (!book.TryPay(orderId)) throw new InvalidOperationException($"{orderId} is {book[orderId].Status}: Midtrans would not take the money.");
    }

    /// <summary>Sets a transaction's status as Midtrans would change it by itself (paid anyway in its last second, expired, denied, refunded from the dashboard).</summary>
    public void Become(string orderId, string status) => book.Become(orderId, status);

    /// <summary>GET status of a transaction says it took <paramref name="gross"/> (a sum the shop never asked for).</summary>
    public void ReportGross(string orderId, long gross) => reportedGross[orderId] = gross;

    /// <summary>A transaction Midtrans holds that the shop never opened.</summary>
    public void Foreign(string orderId, long gross, string status = "settlement") => book.Foreign(orderId, gross, status);

    /// <summary>The HTTP notification Midtrans would send for a transaction now, signed with <paramref name="key"/>; <paramref name="status"/> and <paramref name="gross"/> override what it says.</summary>
    public string Notification(string orderId, string? status = null, string? gross = null, string key = ServerKey, string? signedGross = null)
    {
        var body = book.NotificationBody(orderId, status, gross);
        body["signature_key"] = Sign(orderId, (string)body["status_code"]!, signedGross ?? (string)body["gross_amount"]!, key);
        return body.ToJsonString();
    }

    /// <summary>Midtrans' signature, computed here independently of the shop's code.</summary>
    public static string Sign(string orderId, string statusCode, string grossAmount, string key = ServerKey)
    {
        var hash = SHA512.HashData(Encoding.UTF8.GetBytes(orderId + statusCode + grossAmount + key));
        return string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static async Task<HttpResponseMessage> DeliverAsync(HttpClient shop, string notification) =>
        await shop.PostAsync("/midtrans/notification", new StringContent(notification, Encoding.UTF8, "application/json"));

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
        var text = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        var method = context.Request.HttpMethod;
        Requests.Enqueue((method, path, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)));
        var (http, answer) = StatusDown && method == "GET" && path.EndsWith("/status", StringComparison.Ordinal)
            ? (500, """{"status_code":"500","status_message":"Sorry, we encountered internal server error."}""")
            : book.Answer(method, path, text, context.Request.Headers["Authorization"]);
        if (method == "GET" && path.EndsWith("/status", StringComparison.Ordinal) && JsonNode.Parse(answer) is JsonObject status
            && status["order_id"]?.GetValue<string>() is { } id && reportedGross.TryGetValue(id, out var gross))
        {
            status["gross_amount"] = gross.ToString("0.00", CultureInfo.InvariantCulture);
            answer = status.ToJsonString();
        }
        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.StatusCode = http;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        if (stop.IsCancellationRequested) return;
        stop.Cancel();
        listener.Stop();
        listener.Close();
    }
}
