using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>"Forgot password": its own short-lived token provider, so other links (a mentor's 24-hour link) keep their lifetime.</summary>
public static class AccountSecurity
{
    public static IServiceCollection AddPasswordReset(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PasswordResetSettings>(configuration, PasswordResetSettings.Section);
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

/// <summary>
/// The sign-in cookie holds the person's security stamp; it is compared with the stored one at every request (one
/// small query), so signing out, a new password or a lock ends every copy of the cookie at once.
/// </summary>
public static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Identity's own validator first: it refreshes roles and claims every half hour.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal) return;
        var http = context.HttpContext;
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirst(claims.UserIdClaimType)?.Value, out var id)) return;
        var stamp = principal.FindFirst(claims.SecurityStampClaimType)?.Value;
        var db = http.RequestServices.GetRequiredService<MarketplaceDb>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp }).FirstOrDefaultAsync(http.RequestAborted);
        if (current is not null && current.SecurityStamp == stamp) return;
        context.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
