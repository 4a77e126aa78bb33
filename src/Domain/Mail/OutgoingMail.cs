using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Configuration;

namespace PasKreatif.Mail;

/// <summary>A message ready to send; bodies are already rendered in the recipient's language.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null, string? ToName = null);

/// <summary>Outgoing mail: <c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:User</c>, <c>Smtp:Password</c>, <c>Smtp:From</c>, and
/// <c>Mail:PickupFolder</c> for the .eml files written when no SMTP host is set.</summary>
public sealed class MailOptions : ISettingGroup
{
    public const string SmtpSection = "Smtp";
    public const string MailSection = "Mail";
    public const string DefaultFrom = "PAS Kreatif <toko@pas-kreatif.test>";

    [ConfigurationKeyName("Host")] public string? SmtpHost { get; set; }
    [ConfigurationKeyName("Port")] public int SmtpPort { get; set; } = 25;
    [ConfigurationKeyName("User")] public string? SmtpUser { get; set; }
    [ConfigurationKeyName("Password")] public string? SmtpPassword { get; set; }
    public string From { get; set; } = DefaultFrom;
    public string PickupFolder { get; set; } = "";

    public IEnumerable<string?> Problems(string section) =>
    [
        SmtpPort is < 1 or > 65535 ? $"{SmtpSection}:Port must be a port number from 1 to 65535, not {SmtpPort}." : null,
        MailboxAddress.TryParse(From, out var from) && from.Address.Contains('@') ? null : $"{SmtpSection}:From must be a mail address such as \"{DefaultFrom}\", not \"{From}\".",
    ];
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
