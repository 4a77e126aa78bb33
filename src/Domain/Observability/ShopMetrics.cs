using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PasKreatif.Observability;

/// <summary>
/// The shop's own metrics and job traces, beside the runtime's: one static meter, so every instance and every
/// host in a process count into the same instruments, exported by OpenTelemetry (Prometheus at /metrics, OTLP).
/// </summary>
public static class ShopMetrics
{
    public const string Name = "PasKreatif";

    static readonly Meter Meter = new(Name);

    /// <summary>Hangfire jobs are traced under this source (there is no Hangfire instrumentation package).</summary>
    public static readonly ActivitySource Jobs = new(Name + ".Jobs");

    static readonly Counter<long> OrdersPlaced = Meter.CreateCounter<long>("paskreatif.orders.placed", "{order}", "Orders placed, by payment method");
    static readonly Counter<long> OrdersPaid = Meter.CreateCounter<long>("paskreatif.orders.paid", "{order}", "Orders paid in full, by payment method");
    static readonly Counter<long> OrdersExpired = Meter.CreateCounter<long>("paskreatif.orders.expired", "{order}", "Unpaid orders that lapsed, by payment method");
    static readonly Counter<long> OrdersCancelled = Meter.CreateCounter<long>("paskreatif.orders.cancelled", "{order}", "Orders cancelled, by payment method");
    static readonly Counter<long> NotificationsRefused = Meter.CreateCounter<long>("paskreatif.payment_notifications.refused", "{notification}", "Payment notifications refused (bad signature), by gateway");
    static readonly Counter<long> StockConflicts = Meter.CreateCounter<long>("paskreatif.checkout.stock_conflicts", "{checkout}", "Checkouts refused because stock ran out meanwhile");
    static readonly Histogram<double> PhotoDuration = Meter.CreateHistogram<double>("paskreatif.photos.duration", "s", "Time to turn one upload into its stored sizes");
    static readonly Counter<long> MailFailures = Meter.CreateCounter<long>("paskreatif.mail.failures", "{attempt}", "Mail sends that failed (each is retried)");
    static readonly Counter<long> JobFailures = Meter.CreateCounter<long>("paskreatif.jobs.failures", "{attempt}", "Background job runs that failed, by job");
    static readonly Counter<long> OutputCache = Meter.CreateCounter<long>("paskreatif.output_cache.requests", "{request}", "Cacheable catalogue pages, by result (hit or miss)");

    // The payment method arrives as its tag text, so metrics stay below the folders that own orders and payments.
    public static void OrderPlaced(string method) => OrdersPlaced.Add(1, Method(method));

    public static void OrderPaid(string method) => OrdersPaid.Add(1, Method(method));

    public static void OrderExpired(string method) => OrdersExpired.Add(1, Method(method));

    public static void OrderCancelled(string method) => OrdersCancelled.Add(1, Method(method));

    public static void PaymentNotificationRefused(string gateway) => NotificationsRefused.Add(1, new KeyValuePair<string, object?>("gateway", gateway));

    public static void StockConflict() => StockConflicts.Add(1);

    public static void PhotoStored(TimeSpan took) => PhotoDuration.Record(took.TotalSeconds);

    public static void MailFailed() => MailFailures.Add(1);

    public static void JobFailed(string job) => JobFailures.Add(1, new KeyValuePair<string, object?>("job", job));

    public static void OutputCacheLookup(bool hit) => OutputCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    static KeyValuePair<string, object?> Method(string method) => new("method", method);
}
