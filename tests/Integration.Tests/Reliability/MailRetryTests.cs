using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;

namespace PasKreatif.Integration.Tests.Reliability;

/// <summary>The worker on, short retry delays, and SMTP pointed at a port where nothing listens until the test starts a server.</summary>
public sealed class MailRetryShopFactory : ShopFactory
{
    public SmtpProcess Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:RunServer", "true");
        builder.UseSetting("Jobs:PollSeconds", "1");
        builder.UseSetting("Jobs:RetryDelaySeconds", "3");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Smtp.Dispose();
        base.Dispose(disposing);
    }
}

public class MailRetryTests(MailRetryShopFactory factory) : IClassFixture<MailRetryShopFactory>
{
    [Fact]
    public async Task A_mail_that_fails_twice_while_smtp_is_down_arrives_exactly_once_after_recovery()
    {
        var subject = $"Coba kirim ulang {Guid.NewGuid():N}";
        var jobId = await factory.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<MailQueue>().Enqueue(new OutgoingMail("pembeli@contoh.test", subject, "Isi surat."))));
        var storage = factory.Services.GetRequiredService<JobStorage>();

        await PollAsync(() => Retries(storage, jobId) >= 2, "two failed tries");
        Assert.Equal(2, Retries(storage, jobId));
        await factory.Smtp.StartAsync();

        await PollAsync(() => State(storage, jobId) == "Succeeded", "the job to succeed");
        Assert.Equal(2, Retries(storage, jobId)); // the third try was the one that sent it
        var arrived = await factory.Smtp.Mailbox.WaitForAsync(m => m.Subject == subject);
        Assert.Equal("pembeli@contoh.test", arrived.To.Mailboxes.Single().Address);
        Assert.Single(factory.Smtp.Mailbox.Received(), m => m.Subject == subject);

        // Each retry was put off by the test configuration's 3 s (Jobs:RetryDelaySeconds), elected after the job's own back-off.
        var delays = storage.GetMonitoringApi().JobDetails(jobId).History.Where(h => h.StateName == "Scheduled")
            .Select(h => (JobHelper.DeserializeDateTime(h.Data["EnqueueAt"]) - JobHelper.DeserializeDateTime(h.Data["ScheduledAt"])).RoundTo()).ToList();
        Assert.Equal(2, delays.Count(d => d == TimeSpan.FromSeconds(3)));
    }

    static int Retries(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return int.TryParse(connection.GetJobParameter(jobId, "RetryCount"), out var count) ? count : 0;
    }

    static string? State(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    static async Task PollAsync(Func<bool> done, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds} s for {what}.");
            await Task.Delay(200);
        }
    }
}

static class TimeSpanRounding
{
    public static TimeSpan RoundTo(this TimeSpan span) => TimeSpan.FromSeconds(Math.Round(span.TotalSeconds));
}
