using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Mail;
using PasKreatif.Persistence;

namespace PasKreatif.People;

/// <summary>
/// "Forgot password" for people with an email: a link by mail in their language, valid for a short
/// time (its own token provider) and once (the reset changes the security stamp the token is bound to).
/// </summary>
public sealed class PasswordReset(UserManager<Person> users, MarketplaceDb db, MailQueue mail, Microsoft.Extensions.Options.IOptions<PasswordResetSettings> settings, ShopLinks links)
{
    /// <summary>The name the web host registers the short-lived token provider under.</summary>
    public const string TokenProvider = "PasswordResetByMail";
    public const string Path = ShopPaths.ResetPassword;

    static readonly ResourceManager Texts = new(typeof(PasswordReset));

    /// <summary>Mails a link to every account with this address; says nothing either way, so addresses cannot be probed.</summary>
    public async Task RequestAsync(string email, CancellationToken ct = default)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        if (string.IsNullOrEmpty(normalized)) return;
        var people = await db.Users.Where(p => p.NormalizedEmail == normalized).OrderBy(p => p.UserName).ToListAsync(ct);
        foreach (var person in people)
        {
            var token = await users.GenerateUserTokenAsync(person, TokenProvider, UserManager<Person>.ResetPasswordTokenPurpose);
            var link = links.To($"{Path}?orang={person.Id:D}&token={Uri.EscapeDataString(token)}");
            var culture = person.PreferredCulture;
            mail.Enqueue(new OutgoingMail(person.Email!, Text("ResetSubject", culture),
                Text("ResetBody", culture, person.DisplayName, person.UserName ?? "", link, settings.Value.Hours), ToName: person.DisplayName));
        }
    }

    public async Task<bool> IsValidAsync(Guid personId, string token)
    {
        var person = await users.FindByIdAsync(personId.ToString("D"));
        return person is not null && await users.VerifyUserTokenAsync(person, TokenProvider, UserManager<Person>.ResetPasswordTokenPurpose, token);
    }

    public async Task<(PasswordResetOutcome Outcome, IReadOnlyList<string> Errors)> ResetAsync(Guid personId, string token, string newPassword)
    {
        var person = await users.FindByIdAsync(personId.ToString("D"));
        if (person is null || !await users.VerifyUserTokenAsync(person, TokenProvider, UserManager<Person>.ResetPasswordTokenPurpose, token))
            return (PasswordResetOutcome.InvalidLink, []);
        // Identity's own reset path validates the password and renews the security stamp, which voids the mailed link.
        var standard = await users.GeneratePasswordResetTokenAsync(person);
        var result = await users.ResetPasswordAsync(person, standard, newPassword);
        if (!result.Succeeded) return (PasswordResetOutcome.PasswordRefused, result.Errors.Select(e => e.Code).ToList());
        await users.ResetAccessFailedCountAsync(person);
        await users.SetLockoutEndDateAsync(person, null);
        return (PasswordResetOutcome.Done, []);
    }

    public static string Text(string key, string culture, params object[] args)
    {
        var info = CultureInfo.GetCultureInfo(culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id");
        var format = Texts.GetString(key, info) ?? throw new InvalidOperationException($"Mail text {key} is missing.");
        return args.Length == 0 ? format : string.Format(info, format, args);
    }
}
