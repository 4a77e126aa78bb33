namespace PasKreatif.People;

/// <summary>The codes every account form shares, so each page words them once: the field's label and its limits fill them in.</summary>
public static class AccountInputCodes
{
    public const string Required = "Required";
    public const string Length = "Length";
    public const string Email = "Email";
    public const string UserNameChars = "UserNameChars";
    public const string PasswordsDiffer = "PasswordsDiffer";

    internal static void Password(List<InputError> errors, string field, string? password)
    {
        // Passwords are taken as typed, spaces and all; only a blank one counts as missing.
        if (string.IsNullOrWhiteSpace(password)) errors.Add(new(field, Required));
        else if (!PasswordRule.HasValidLength(password)) errors.Add(new(field, Length));
    }
}

/// <summary>What a person types to sign in: a user name, email or phone, and a password no longer than any the shop accepts.</summary>
public sealed record SignInInput(string? Login, string? Password)
{
    public const int LoginMaxLength = EmailRule.MaxLength;
    public const int PasswordMaxLength = PasswordRule.MaxLength;

    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(Login)) errors.Add(new(nameof(Login), AccountInputCodes.Required));
        else if (Login.Length > LoginMaxLength) errors.Add(new(nameof(Login), AccountInputCodes.Length));
        if (string.IsNullOrWhiteSpace(Password)) errors.Add(new(nameof(Password), AccountInputCodes.Required));
        else if (Password.Length > PasswordMaxLength) errors.Add(new(nameof(Password), AccountInputCodes.Length));
        return errors;
    }
}

/// <summary>The address a forgotten password's link is mailed to.</summary>
public sealed record ForgotPasswordInput(string? Email)
{
    public IReadOnlyList<InputError> Validate() =>
        string.IsNullOrWhiteSpace(Email) ? [new(nameof(Email), AccountInputCodes.Required)]
        : EmailRule.Clean(Email) is null ? [new(nameof(Email), AccountInputCodes.Email)]
        : [];
}

/// <summary>A new password chosen through a mailed link, typed twice.</summary>
public sealed record ResetPasswordInput(string? Password, string? ConfirmPassword)
{
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        AccountInputCodes.Password(errors, nameof(Password), Password);
        if (string.IsNullOrWhiteSpace(ConfirmPassword)) errors.Add(new(nameof(ConfirmPassword), AccountInputCodes.Required));
        else if (errors.Count == 0 && Password != ConfirmPassword) errors.Add(new(nameof(ConfirmPassword), AccountInputCodes.PasswordsDiffer));
        return errors;
    }
}
