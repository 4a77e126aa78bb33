using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;

namespace PasKreatif.Integration.Tests.Mail;

public class MailTransportTests
{
    [Fact]
    public async Task Mail_reaches_a_real_SMTP_server_intact()
    {
        var server = TestMailServer.Current;
        var subject = "Pesanan PK-" + Guid.NewGuid().ToString("N")[..8];
        var transport = new SmtpMailTransport(new MailOptions { SmtpHost = server.Host, SmtpPort = server.Port });

        await transport.SendAsync(new OutgoingMail("pembeli@contoh.test", subject, "Terima kasih, Rp25.000 sudah kami terima.", ToName: "Siti"));

        var received = await server.WaitForAsync(m => m.Subject == subject);
        Assert.Equal("pembeli@contoh.test", received.To.Mailboxes.Single().Address);
        Assert.Contains("Rp25.000", received.TextBody);
    }

    [Fact]
    public async Task Without_an_SMTP_host_mail_is_written_as_eml_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pk-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            await new PickupFolderMailTransport(new MailOptions { PickupFolder = folder })
                .SendAsync(new OutgoingMail("pembuat@contoh.test", "Pesanan baru", "Ada pesanan baru untuk Anda."));

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            Assert.Equal("Pesanan baru", message.Subject);
            Assert.Equal("Ada pesanan baru untuk Anda.", message.TextBody?.Trim());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
