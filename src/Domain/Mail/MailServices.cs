using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Mail;

public static class MailServices
{
    /// <summary>Mail settings, the transport they choose, and the queue that sends through it.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        // Both sections bind into one group; blank values mean the defaults.
        services.AddSettings<MailOptions>(configuration, MailOptions.SmtpSection)
            .Bind(configuration.GetSection(MailOptions.MailSection))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.From)) o.From = MailOptions.DefaultFrom;
                if (string.IsNullOrWhiteSpace(o.PickupFolder)) o.PickupFolder = Path.Combine(AppContext.BaseDirectory, "mail");
            });
        services.AddSingleton<IMailTransport>(s => s.GetRequiredService<MailOptions>() is var mail && string.IsNullOrWhiteSpace(mail.SmtpHost)
            ? new PickupFolderMailTransport(mail) : new SmtpMailTransport(mail));
        services.AddScoped<MailQueue>();
        services.AddScoped<MailJob>();
        return services;
    }
}
