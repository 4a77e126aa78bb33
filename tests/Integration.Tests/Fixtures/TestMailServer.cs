using MimeKit;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>The real SMTP server ./test.sh starts (Debian's aiosmtpd), read through its Maildir.</summary>
public sealed record TestMailServer(string Host, int Port, string Maildir)
{
    public const string ServerVariable = "PASKREATIF_TEST_SMTP";
    public const string MaildirVariable = "PASKREATIF_TEST_MAILDIR";

    public static TestMailServer Current
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(ServerVariable);
            var maildir = Environment.GetEnvironmentVariable(MaildirVariable);
            if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(maildir))
                throw new InvalidOperationException($"{ServerVariable} and {MaildirVariable} are not set: run the tests with ./test.sh, which starts an SMTP server.");
            var (host, port) = (server[..server.LastIndexOf(':')], int.Parse(server[(server.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            return new TestMailServer(host, port, maildir);
        }
    }

    public IEnumerable<MimeMessage> Received() =>
        Directory.Exists(Path.Combine(Maildir, "new"))
            ? Directory.GetFiles(Path.Combine(Maildir, "new")).Select(f => MimeMessage.Load(f))
            : [];

    /// <summary>Polls the Maildir until a matching message arrives (generous deadline, no fixed sleeps).</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Received().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No matching mail reached {Maildir} within {seconds} s.");
    }
}
