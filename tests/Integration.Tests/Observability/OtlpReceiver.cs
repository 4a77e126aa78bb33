using System.Collections.Concurrent;
using System.Net;
using System.Text;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Observability;

/// <summary>One span as OTLP carried it: ids in hex, the instrumentation scope that made it, its string attributes.</summary>
public sealed record ReceivedSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// An OTLP/HTTP receiver (protobuf) inside the test: it answers the exporter's POSTs to /v1/traces and reads the
/// spans out of the wire format itself (ExportTraceServiceRequest → ResourceSpans → ScopeSpans → Span).
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    readonly HttpListener listener = new();
    readonly ConcurrentQueue<ReceivedSpan> spans = new();
    readonly Task loop;

    public int Port { get; } = SmtpProcess.FreePort();
    public string Endpoint => $"http://127.0.0.1:{Port}";
    public IReadOnlyCollection<ReceivedSpan> Spans => spans.ToArray();

    public OtlpReceiver()
    {
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces") Read(body.ToArray());
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    void Read(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var scope = Fields(scopeSpans.Bytes).Where(f => f.Number == 1).Select(f => Text(f.Bytes, 1)).FirstOrDefault() ?? "";
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                    spans.Enqueue(ReadSpan(scope, span.Bytes));
            }
    }

    static ReceivedSpan ReadSpan(string scope, byte[] span)
    {
        var fields = Fields(span).ToList();
        string Hex(int number) => Convert.ToHexStringLower(fields.Where(f => f.Number == number).Select(f => f.Bytes).FirstOrDefault() ?? []);
        var attributes = new Dictionary<string, string>();
        foreach (var attribute in fields.Where(f => f.Number == 9))
        {
            var key = Text(attribute.Bytes, 1);
            var value = Fields(attribute.Bytes).Where(f => f.Number == 2).Select(f => Text(f.Bytes, 1)).FirstOrDefault();
            if (key is not null && value is not null) attributes[key] = value;
        }
        var kind = (int)(fields.FirstOrDefault(f => f.Number == 6).Varint);
        return new ReceivedSpan(scope, Hex(1), Hex(2), Hex(4), Text(span, 5) ?? "", kind, attributes);
    }

    static string? Text(byte[] message, int number) =>
        Fields(message).Where(f => f.Number == number).Select(f => Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault();

    readonly record struct Field(int Number, byte[] Bytes, ulong Varint);

    /// <summary>The top-level fields of a protobuf message: varints, length-delimited bytes; fixed-width ones skipped.</summary>
    static IEnumerable<Field> Fields(byte[] message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = ReadVarint(message, ref at);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0: yield return new Field(number, [], ReadVarint(message, ref at)); break;
                case 1: at += 8; break;
                case 2:
                    var length = (int)ReadVarint(message, ref at);
                    yield return new Field(number, message[at..(at + length)], 0);
                    at += length;
                    break;
                case 5: at += 4; break;
                default: throw new InvalidDataException($"wire type {tag & 7} at {at}");
            }
        }
    }

    static ulong ReadVarint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
