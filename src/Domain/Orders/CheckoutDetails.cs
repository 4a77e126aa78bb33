using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Orders;

/// <summary>
/// What the buyer types into the checkout form, before any rule is applied: the one home of those rules and of the
/// limits the form's <c>maxlength</c> attributes show.
/// </summary>
public sealed record CheckoutDetails(string? Name, string? Phone, string? Email, string? Address, IndonesianZone Zone, PaymentMethod Method)
{
    public const int NameMinLength = PersonName.MinLength;
    public const int NameMaxLength = PersonName.MaxLength;
    public const int PhoneMaxLength = PhoneRule.MaxLength;
    public const int EmailMaxLength = EmailRule.MaxLength;
    public const int AddressMinLength = 10;
    public const int AddressMaxLength = 1000;

    /// <summary>The same details without surrounding spaces; blanks for missing fields.</summary>
    public CheckoutDetails Trimmed() =>
        this with { Name = (Name ?? "").Trim(), Phone = (Phone ?? "").Trim(), Email = (Email ?? "").Trim(), Address = (Address ?? "").Trim() };

    /// <summary>Every rule the details break, one error per field; none when they may be placed.</summary>
    public IReadOnlyList<InputError> Validate()
    {
        var d = Trimmed();
        var errors = new List<InputError>();
        if (PersonName.Clean(d.Name) is null) errors.Add(new(nameof(Name), "NameRequired"));
        if (!PhoneRule.IsValid(d.Phone)) errors.Add(new(nameof(Phone), "PhoneInvalid"));
        if (EmailRule.Clean(d.Email) is null) errors.Add(new(nameof(Email), "EmailInvalid"));
        if (d.Address!.Length is < AddressMinLength or > AddressMaxLength) errors.Add(new(nameof(Address), "AddressRequired"));
        if (!Enum.IsDefined(Zone)) errors.Add(new(nameof(Zone), "ZoneInvalid"));
        if (!Enum.IsDefined(Method)) errors.Add(new(nameof(Method), nameof(CheckoutProblem.PaymentUnavailable)));
        return errors;
    }
}
