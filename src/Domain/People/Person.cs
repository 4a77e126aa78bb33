using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace PasKreatif.People;

/// <summary>Anyone who signs in: buyer, maker, mentor, officer or administrator (roles may combine).</summary>
public class Person : IdentityUser<Guid>
{
    public Person() { }

    public Person(string displayName) => DisplayName = displayName;

    public string DisplayName { get; private set; } = "";
    public string PreferredCulture { get; init; } = "id";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set for a buyer who made their own account: they sign in only once their email is confirmed.</summary>
    public DateTimeOffset? SignedUpAt { get; init; }
    /// <summary>When the person deleted their account: the row stays (orders point at it), its personal data is gone.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public void Rename(string displayName) => DisplayName = displayName;

    /// <summary>Deletes the account's personal data and ends every session; the row stays for the orders that point at it.</summary>
    public void Forget(DateTimeOffset at)
    {
        var gone = "dihapus-" + Id.ToString("N");
        UserName = gone;
        NormalizedUserName = gone.ToUpperInvariant();
        Email = null;
        NormalizedEmail = null;
        EmailConfirmed = false;
        PhoneNumber = null;
        DisplayName = "";
        PasswordHash = null;
        DeletedAt = at;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }
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

    /// <summary>Roles an administrator gives on the account form; Maker is not one of them.</summary>
    public static readonly string[] Assignable = [Buyer, Mentor, Officer, Administrator];

    /// <summary>Roles that work in the back office.</summary>
    public const string Staff = Administrator + "," + Officer + "," + Mentor;
}

/// <summary>The shop's roles, in every installation.</summary>
sealed class RoleRows : Persistence.IReferenceRows
{
    public async Task AddMissingAsync(Persistence.MarketplaceDb db, CancellationToken ct)
    {
        var roles = await db.Roles.Select(r => r.Name!).ToListAsync(ct);
        foreach (var name in Roles.All.Except(roles))
            db.Roles.Add(new PersonRole(name) { NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
    }
}
