using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PasKreatif.People;

namespace PasKreatif.Storefront.Hosting;

/// <summary>"Forgot password": its own short-lived token provider, so other links (a mentor's 24-hour link) keep their lifetime.</summary>
public static class AccountSecurity
{
    public static IServiceCollection AddPasswordReset(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PasswordResetSettings>(configuration.GetSection("PasswordReset"));
        services.AddOptions<PasswordResetTokenOptions>().Configure<IOptions<PasswordResetSettings>>((o, settings) =>
        {
            o.Name = PasswordReset.TokenProvider;
            o.TokenLifespan = TimeSpan.FromHours(settings.Value.Hours);
        });
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[PasswordReset.TokenProvider] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider)));
        services.AddScoped<PasswordReset>();
        return services;
    }
}

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions;

public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<Person>> logger)
    : DataProtectorTokenProvider<Person>(protection, options, logger);
