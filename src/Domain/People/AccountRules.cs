using Microsoft.AspNetCore.Identity;

namespace PasKreatif.People;

/// <summary>A sign-in name staff or a maker choose: the one rule and limit for the invitation, the account form and the views.</summary>
public static class UserNameRule
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    public static bool HasValidLength(string name) => name.Length is >= MinLength and <= MaxLength;

    // Letters, digits, dots, underscores and hyphens: a name people can type on any phone and read aloud.
    public static bool HasValidCharacters(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static bool IsValid(string name) => HasValidLength(name) && HasValidCharacters(name);
}

/// <summary>A password as people choose it: the one limit Identity, every form that asks for one and its views use.</summary>
public static class PasswordRule
{
    public const int MinLength = 8;
    public const int MaxLength = 200;

    public static bool HasValidLength(string password) => password.Length is >= MinLength and <= MaxLength;
}

/// <summary>The plain rules of an account an administrator sets up, testable without a database.</summary>
public static class AccountRules
{
    public static (string UserName, string DisplayName, string? Email) Clean(string? userName, string? displayName, string? email)
    {
        var name = (userName ?? "").Trim();
        if (!UserNameRule.IsValid(name)) throw new MakerRuleException("UserNameInvalid");
        var display = PersonName.Clean(displayName) ?? throw new MakerRuleException("DisplayNameLength");
        var address = string.IsNullOrWhiteSpace(email) ? null : EmailRule.Clean(email) ?? throw new MakerRuleException("EmailInvalid");
        return (name, display, address);
    }

    /// <summary>The roles to hold: at least one (a maker's own role counts); an officer needs an office and a mentor a group.</summary>
    public static IReadOnlySet<string> Roles(IEnumerable<string> roles, int offices, int groups, bool isMaker = false)
    {
        var wanted = roles.Distinct().ToHashSet();
        if (wanted.Count == 0 && !isMaker) throw new MakerRuleException("NoRole");
        if (wanted.Any(r => !People.Roles.Assignable.Contains(r))) throw new MakerRuleException("UnknownRole");
        if (wanted.Contains(People.Roles.Officer) && offices == 0) throw new MakerRuleException("OfficerNeedsOffice");
        if (wanted.Contains(People.Roles.Mentor) && groups == 0) throw new MakerRuleException("MentorNeedsGroup");
        return wanted;
    }
}

/// <summary>Identity has no upper limit; this one is <see cref="PasswordRule"/>'s, so every way of choosing a password keeps it.</summary>
public sealed class PasswordLengthValidator : IPasswordValidator<Person>
{
    public const string TooLong = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRule.MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = TooLong, Description = $"At most {PasswordRule.MaxLength} characters." })
            : IdentityResult.Success);
}
