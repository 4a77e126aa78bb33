using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Mail;
using PasKreatif.Persistence;

namespace PasKreatif.People;

public enum SignUpOutcome { Done, NameInvalid, EmailInvalid, EmailTaken, PhoneInvalid, PhoneTaken, PasswordRefused }

public enum DeleteOutcome { Done, OpenOrders }

/// <summary>
/// Buyers' own accounts: sign-up confirmed by a mailed link (through the outbox), guest orders of that
/// email joining the account on confirmation, the profile, saved addresses, and deletion under UU PDP.
/// </summary>
public sealed class BuyerAccounts(UserManager<Person> users, MarketplaceDb db, IBuyerOrders orders, MailOutbox outbox, TimeProvider clock, ShopLinks links)
{
    public const string ConfirmPath = ShopPaths.ConfirmEmail;
    public const int MaxAddresses = 5;

    public async Task<(SignUpOutcome Outcome, IReadOnlyList<string> Errors)> SignUpAsync(
        string? name, string? email, string? phone, string password, string culture, CancellationToken ct = default)
    {
        if (PersonName.Clean(name) is not { } display) return (SignUpOutcome.NameInvalid, []);
        if (EmailRule.Clean(email) is not { } address) return (SignUpOutcome.EmailInvalid, []);
        string? number = null;
        if (!string.IsNullOrWhiteSpace(phone) && (number = PhoneRule.International(phone)) is null) return (SignUpOutcome.PhoneInvalid, []);
        var normalized = users.NormalizeEmail(address);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct)) return (SignUpOutcome.EmailTaken, []);
        if (number is not null && await db.Users.AnyAsync(u => u.PhoneNumber == number, ct)) return (SignUpOutcome.PhoneTaken, []);
        var now = clock.GetUtcNow();
        var person = new Person(display)
        {
            Id = Guid.NewGuid(), UserName = address, Email = address, PhoneNumber = number,
            PreferredCulture = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id", CreatedAt = now, SignedUpAt = now,
        };
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded) return (SignUpOutcome.PasswordRefused, created.Errors.Select(e => e.Code).ToList());
        await users.AddToRoleAsync(person, Roles.Buyer);
        await MailConfirmationAsync(person, ct);
        return (SignUpOutcome.Done, []);
    }

    /// <summary>Mails the link again to an account still waiting for it; says nothing either way.</summary>
    public async Task ResendAsync(string? email, CancellationToken ct = default)
    {
        if (EmailRule.Clean(email) is not { } address) return;
        var normalized = users.NormalizeEmail(address);
        var person = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized && u.SignedUpAt != null && !u.EmailConfirmed && u.DeletedAt == null, ct);
        if (person is not null) await MailConfirmationAsync(person, ct);
    }

    async Task MailConfirmationAsync(Person person, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(person);
        var link = links.To($"{ConfirmPath}?orang={person.Id:D}&token={Uri.EscapeDataString(token)}");
        var c = person.PreferredCulture;
        outbox.Add(new OutgoingMail(person.Email!, AccountMail.Text("ConfirmSubject", c), AccountMail.Text("ConfirmBody", c, person.DisplayName, link), ToName: person.DisplayName));
        await db.SaveChangesAsync(ct);
        await outbox.DispatchAsync(ct);
    }

    /// <summary>Confirms the email once; the guest orders placed with it join the account. Null when the link is wrong or was used.</summary>
    public async Task<Person?> ConfirmAsync(Guid personId, string token, CancellationToken ct = default)
    {
        var person = await users.FindByIdAsync(personId.ToString("D"));
        if (person is null || person.DeletedAt is not null || person.EmailConfirmed) return null;
        if (!(await users.ConfirmEmailAsync(person, token)).Succeeded) return null;
        await JoinGuestOrdersAsync(person, ct);
        return person;
    }

    /// <summary>Orders placed without signing in, with this confirmed email, become the account's.</summary>
    public async Task<int> JoinGuestOrdersAsync(Person person, CancellationToken ct = default) =>
        person.EmailConfirmed && person.Email is { } email ? await orders.JoinGuestOrdersAsync(person.Id, email, ct) : 0;

    /// <summary>Sign-in by phone: the account with this number, when exactly one has it.</summary>
    public async Task<Person?> ByPhoneAsync(string login, CancellationToken ct = default)
    {
        if (PhoneRule.International(login) is not { } number) return null;
        var found = await db.Users.Where(u => u.PhoneNumber == number && u.DeletedAt == null).Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<SignUpOutcome> UpdateProfileAsync(Guid personId, string? name, string? phone, CancellationToken ct = default)
    {
        if (PersonName.Clean(name) is not { } display) return SignUpOutcome.NameInvalid;
        string? number = null;
        if (!string.IsNullOrWhiteSpace(phone) && (number = PhoneRule.International(phone)) is null) return SignUpOutcome.PhoneInvalid;
        if (number is not null && await db.Users.AnyAsync(u => u.PhoneNumber == number && u.Id != personId, ct)) return SignUpOutcome.PhoneTaken;
        var person = await db.Users.SingleAsync(u => u.Id == personId, ct);
        person.Rename(display);
        person.PhoneNumber = number;
        await db.SaveChangesAsync(ct);
        return SignUpOutcome.Done;
    }

    public Task<List<BuyerAddress>> AddressesAsync(Guid personId, CancellationToken ct = default) =>
        db.BuyerAddresses.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).ToListAsync(ct);

    /// <summary>Null when saved, else the text key of what is wrong.</summary>
    public async Task<string?> AddAddressAsync(Guid personId, string? label, string? text, CancellationToken ct = default)
    {
        var name = (label ?? "").Trim();
        var address = (text ?? "").Trim();
        if (name.Length is 0 or > BuyerAddress.MaxLabel) return "AddressLabelInvalid";
        if (address.Length is < 10 or > BuyerAddress.MaxText) return "AddressTextInvalid";
        if (await db.BuyerAddresses.CountAsync(a => a.PersonId == personId, ct) >= MaxAddresses) return "AddressTooMany";
        db.BuyerAddresses.Add(BuyerAddress.Of(personId, name, address, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public Task<int> RemoveAddressAsync(Guid personId, int addressId, CancellationToken ct = default) =>
        db.BuyerAddresses.Where(a => a.Id == addressId && a.PersonId == personId).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Removes the person's data and keeps their orders for the books, without it. Refused while an order is open:
    /// its makers still need the name and address to hand it over.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(Guid personId, CancellationToken ct = default)
    {
        if (await orders.AnyOpenAsync(personId, ct)) return DeleteOutcome.OpenOrders;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.Users.SingleAsync(u => u.Id == personId, ct);
        var now = clock.GetUtcNow();
        await orders.ForgetBuyerAsync(personId, ct);
        await db.BuyerAddresses.Where(a => a.PersonId == personId).ExecuteDeleteAsync(ct);
        person.Forget(now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeleteOutcome.Done;
    }
}

/// <summary>A buyer who made their own account signs in only once their email is confirmed; accounts staff made need no link.</summary>
public sealed class BuyerConfirmation : IUserConfirmation<Person>
{
    public Task<bool> IsConfirmedAsync(UserManager<Person> manager, Person user) =>
        Task.FromResult(user.DeletedAt is null && (user.SignedUpAt is null || user.EmailConfirmed));
}
