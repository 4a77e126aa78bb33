using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Observability;

public class TracingTests(TracingTests.Factory factory) : IClassFixture<TracingTests.Factory>
{
    /// <summary>The shop exporting by OTLP (HTTP, protobuf) to a receiver inside the test, flushing often.</summary>
    public sealed class Factory : ShopFactory
    {
        public OtlpReceiver Receiver { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", Receiver.Endpoint);
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
            builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Receiver.Dispose();
        }
    }

    [Fact]
    public async Task A_product_page_is_exported_as_a_server_span_with_its_sql_as_children()
    {
        string slug;
        await using (var db = factory.OpenDb())
            slug = await db.Listings.Where(l => l.Status == ListingStatus.Approved).OrderBy(l => l.Id).Select(l => l.Slug).FirstAsync();
        // The request carries its own trace id, so its spans are told apart from every other host in the process.
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var client = ShopClient.For(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/produk/{slug}");
        request.Headers.Add("traceparent", $"00-{traceId}-{"00f067aa0ba902b7"}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(request)).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<ReceivedSpan> trace;
        do
        {
            trace = factory.Receiver.Spans.Where(s => s.TraceId == traceId).ToList();
            if (trace.Any(s => s.Kind == 2) && trace.Any(s => s.Scope == "Npgsql")) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);

        var server = Assert.Single(trace, s => s.Kind == 2); // SPAN_KIND_SERVER
        Assert.Equal("00f067aa0ba902b7", server.ParentSpanId);
        Assert.Contains("produk/{slug}", server.Name);
        // The path is kept as its route, not with the slug (or an order's token) in it.
        Assert.DoesNotContain(slug, string.Join(" ", server.Attributes.Values));
        var sql = trace.Where(s => s.Scope == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, s => Assert.Equal(server.SpanId, s.ParentSpanId));
        Assert.Contains(sql, s => s.Attributes.Values.Any(v => v.Contains("SELECT", StringComparison.Ordinal) && v.Contains("Listings", StringComparison.Ordinal)));
    }
}
