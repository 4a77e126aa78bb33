using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PasKreatif.Mail;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.BackOffice;

public sealed record PersonRow(Guid Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, bool Locked);

/// <summary>What an administrator sets for an account: its roles, the offices an officer serves and the groups a mentor guides.</summary>
public sealed record AccountForm(string UserName, string DisplayName, string? Email, IReadOnlyCollection<string> Roles, IReadOnlyCollection<int> OfficeIds, IReadOnlyCollection<int> GroupIds);

public sealed record AccountView(PersonRow Person, IReadOnlyList<int> OfficeIds, IReadOnlyList<int> GroupIds, bool IsMaker);

/// <summary>A set-password link: mailed when the person has an address, else shown once to the administrator to pass on.</summary>
public sealed record PasswordLink(string Url, bool Mailed);

/// <summary>
/// Administrators create accounts and set their roles and scope, lock and unlock them, and hand out
/// set-password links. Passwords are never seen here: people choose their own through the link.
/// </summary>
public sealed class PeopleDesk(MarketplaceDb db, UserManager<Person> users, MailQueue mail, ShopLinks links, TimeProvider clock)
{
    /// <summary>Roles an administrator hands out here; makers come only through an invitation.</summary>

    public async Task<List<PersonRow>> ListAsync(string? search, CancellationToken ct = default)
    {
        var q = db.Users.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } term)
        {
            var like = $"%{term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            q = q.Where(u => EF.Functions.ILike(u.UserName!, like) || EF.Functions.ILike(u.DisplayName, like) || EF.Functions.ILike(u.Email!, like));
        }
        var now = clock.GetUtcNow();
        var people = await q.OrderBy(u => u.UserName).Take(200)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, Locked = u.LockoutEnd != null && u.LockoutEnd > now })
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId)).Join(db.Roles, r => r.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return people.Select(p => new PersonRow(p.Id, p.UserName!, p.DisplayName, p.Email,
            roles.Where(r => r.UserId == p.Id).Select(r => r.Name!).Order().ToList(), p.Locked)).ToList();
    }

    public async Task<AccountView> AccountAsync(Guid id, CancellationToken ct = default)
    {
        var row = (await ListRowAsync(id, ct)) ?? throw new OutOfScopeException();
        var offices = await db.OfficeOfficers.Where(o => o.PersonId == id).Select(o => o.OfficeId).ToListAsync(ct);
        var groups = await db.GroupMentors.Where(m => m.PersonId == id).Select(m => m.GroupId).ToListAsync(ct);
        return new AccountView(row, offices, groups, row.Roles.Contains(Roles.Maker));
    }

    public async Task<Guid> CreateAsync(AccountForm form, CancellationToken ct = default)
    {
        var (userName, displayName, email) = AccountRules.Clean(form.UserName, form.DisplayName, form.Email);
        await RefuseDuplicatesAsync(null, userName, email, ct);
        var person = new Person(displayName) { UserName = userName, Email = email, CreatedAt = clock.GetUtcNow(), LockoutEnabled = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(person)); // no password: the person sets one through a link
        await SetRolesAsync(person, form, ct);
        await tx.CommitAsync(ct);
        return person.Id;
    }

    public async Task EditAsync(Guid id, AccountForm form, CancellationToken ct = default)
    {
        var person = await users.FindByIdAsync(id.ToString()) ?? throw new OutOfScopeException();
        var (userName, displayName, email) = AccountRules.Clean(form.UserName, form.DisplayName, form.Email);
        await RefuseDuplicatesAsync(id, userName, email, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        person.Rename(displayName);
        Check(await users.SetUserNameAsync(person, userName));
        if (!string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase)) Check(await users.SetEmailAsync(person, email));
        await SetRolesAsync(person, form, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A locked account cannot sign in, and its open sessions end at their next check.</summary>
    public async Task SetLockedAsync(Guid id, bool locked, Guid actor, CancellationToken ct = default)
    {
        if (locked && id == actor) throw new MakerRuleException("CannotLockYourself");
        var person = await users.FindByIdAsync(id.ToString()) ?? throw new OutOfScopeException();
        Check(await users.SetLockoutEnabledAsync(person, true));
        Check(await users.SetLockoutEndDateAsync(person, locked ? DateTimeOffset.MaxValue : null));
        if (!locked) Check(await users.ResetAccessFailedCountAsync(person));
        Check(await users.UpdateSecurityStampAsync(person));
    }

    /// <summary>An Identity reset token in a link; it stops working once used (the security stamp changes) and after 24 hours.</summary>
    public async Task<PasswordLink> PasswordLinkAsync(Guid id, CancellationToken ct = default)
    {
        var person = await users.FindByIdAsync(id.ToString()) ?? throw new OutOfScopeException();
        var token = await users.GeneratePasswordResetTokenAsync(person);
        var url = links.To($"{ShopPaths.SetPassword}?orang={person.Id:N}&token={Uri.EscapeDataString(token)}");
        if (string.IsNullOrEmpty(person.Email)) return new PasswordLink(url, false);
        var culture = person.PreferredCulture;
        mail.Enqueue(new OutgoingMail(person.Email, AccountMail.Text("SetPasswordSubject", culture),
            AccountMail.Text("SetPasswordBody", culture, person.DisplayName, person.UserName!, url), ToName: person.DisplayName));
        return new PasswordLink(url, true);
    }

    async Task SetRolesAsync(Person person, AccountForm form, CancellationToken ct)
    {
        var current = await users.GetRolesAsync(person);
        var wanted = AccountRules.Roles(form.Roles, form.OfficeIds.Count, form.GroupIds.Count, current.Contains(Roles.Maker));
        var offices = wanted.Contains(Roles.Officer) ? form.OfficeIds.Distinct().ToList() : [];
        var groups = wanted.Contains(Roles.Mentor) ? form.GroupIds.Distinct().ToList() : [];
        if (await db.Offices.CountAsync(o => offices.Contains(o.Id), ct) != offices.Count) throw new MakerRuleException("UnknownOffice");
        if (await db.Groups.CountAsync(g => groups.Contains(g.Id), ct) != groups.Count) throw new MakerRuleException("UnknownGroup");

        Check(await users.RemoveFromRolesAsync(person, current.Where(r => Roles.Assignable.Contains(r) && !wanted.Contains(r))));
        Check(await users.AddToRolesAsync(person, wanted.Where(r => !current.Contains(r))));
        db.OfficeOfficers.RemoveRange(await db.OfficeOfficers.Where(o => o.PersonId == person.Id && !offices.Contains(o.OfficeId)).ToListAsync(ct));
        db.GroupMentors.RemoveRange(await db.GroupMentors.Where(m => m.PersonId == person.Id && !groups.Contains(m.GroupId)).ToListAsync(ct));
        var hasOffices = await db.OfficeOfficers.Where(o => o.PersonId == person.Id).Select(o => o.OfficeId).ToListAsync(ct);
        var hasGroups = await db.GroupMentors.Where(m => m.PersonId == person.Id).Select(m => m.GroupId).ToListAsync(ct);
        db.OfficeOfficers.AddRange(offices.Except(hasOffices).Select(o => new OfficeOfficer { OfficeId = o, PersonId = person.Id }));
        db.GroupMentors.AddRange(groups.Except(hasGroups).Select(g => new GroupMentor { GroupId = g, PersonId = person.Id }));
        await db.SaveChangesAsync(ct);
        // A changed role or scope must reach the person's cookie at the next sign-in check.
        Check(await users.UpdateSecurityStampAsync(person));
    }

    /// <summary>Email is not unique in Identity here (makers may have none), so duplicates are refused by hand.</summary>
    async Task RefuseDuplicatesAsync(Guid? self, string userName, string? email, CancellationToken ct)
    {
        var normalizedName = users.NormalizeName(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedName && u.Id != self, ct)) throw new MakerRuleException("UserNameTaken");
        if (email is null) return;
        var normalizedEmail = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != self, ct)) throw new MakerRuleException("EmailTaken");
    }

    async Task<PersonRow?> ListRowAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var person = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, Locked = u.LockoutEnd != null && u.LockoutEnd > now }).SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        return new PersonRow(person.Id, person.UserName!, person.DisplayName, person.Email, roles.Order().ToList(), person.Locked);
    }

    static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var codes = result.Errors.Select(e => e.Code).ToList();
        throw new MakerRuleException(codes.Any(c => c.Contains("UserName", StringComparison.Ordinal)) ? "UserNameInvalid"
            : codes.Any(c => c.Contains("Email", StringComparison.Ordinal)) ? "EmailInvalid" : "AccountNotSaved");
    }
}
