using Microsoft.AspNetCore.Identity;

namespace PasKreatif.People;

/// <summary>Anyone who signs in: buyer, maker, mentor, officer or administrator (roles may combine).</summary>
public class Person : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public string PreferredCulture { get; set; } = "id";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set for a buyer who made their own account: they sign in only once their email is confirmed.</summary>
    public DateTimeOffset? SignedUpAt { get; set; }
    /// <summary>When the person deleted their account: the row stays (orders point at it), its personal data is gone.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}

public class PersonRole : IdentityRole<Guid>
{
    public PersonRole() { }
    public PersonRole(string name) : base(name) { }
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Officer = "Officer";
    public const string Mentor = "Mentor";
    public const string Maker = "Maker";
    public const string Buyer = "Buyer";

    public static readonly string[] All = [Administrator, Officer, Mentor, Maker, Buyer];

    /// <summary>Roles that work in the back office.</summary>
    public const string Staff = Administrator + "," + Officer + "," + Mentor;
}
