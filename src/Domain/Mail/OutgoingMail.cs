using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PasKreatif.Mail;

/// <summary>A message ready to send; bodies are already rendered in the recipient's language.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null, string? ToName = null);

public sealed class MailOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "PAS Kreatif <toko@pas-kreatif.test>";
    public string PickupFolder { get; set; } = "";
}

/// <summary>How mail leaves the shop: an SMTP server, or .eml files in a folder when none is configured.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

static class MailMessages
{
    public static MimeMessage Build(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}

public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost ?? throw new InvalidOperationException("Smtp:Host is not set."), options.SmtpPort, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(options.SmtpUser))
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        await client.SendAsync(MailMessages.Build(mail, options.From), ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

public sealed class PickupFolderMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        Directory.CreateDirectory(options.PickupFolder);
        var message = MailMessages.Build(mail, options.From);
        var path = Path.Combine(options.PickupFolder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }
}
