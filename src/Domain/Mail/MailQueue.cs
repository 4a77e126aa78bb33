using Hangfire;
using PasKreatif.Observability;

namespace PasKreatif.Mail;

/// <summary>The one way the shop sends mail: a Hangfire job per message, retried while SMTP is down.</summary>
public sealed class MailQueue(IBackgroundJobClient jobs)
{
    public string Enqueue(OutgoingMail mail) => jobs.Enqueue<MailJob>(job => job.SendAsync(mail, CancellationToken.None));
}

public sealed class MailJob(IMailTransport transport)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600])]
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        try
        {
            await transport.SendAsync(mail, ct);
        }
        catch (Exception)
        {
            ShopMetrics.MailFailed();
            throw; // Hangfire retries it
        }
    }
}
