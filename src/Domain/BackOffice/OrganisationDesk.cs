using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.BackOffice;

public sealed record StaffRow(string UserName, string DisplayName, string Role, string Where);

/// <summary>Administrators shape the platform: offices and regencies, groups, programmes, categories, and who is staff where.</summary>
public sealed class OrganisationDesk(MarketplaceDb db, TimeProvider clock, ICatalogChanges catalog)
{
    public Task<List<Office>> OfficesAsync(CancellationToken ct = default) =>
        db.Offices.AsNoTracking().Include(o => o.Regencies).Include(o => o.Groups).ThenInclude(g => g.Programmes)
            .OrderBy(o => o.Name).AsSplitQuery().ToListAsync(ct);

    public Task<List<Category>> CategoriesAsync(CancellationToken ct = default) => db.Categories.AsNoTracking().OrderBy(c => c.Position).ToListAsync(ct);

    public async Task<List<StaffRow>> StaffAsync(CancellationToken ct = default)
    {
        var officers = await db.OfficeOfficers.Join(db.Users, o => o.PersonId, u => u.Id, (o, u) => new StaffRow(u.UserName!, u.DisplayName, Roles.Officer, o.Office!.Name)).ToListAsync(ct);
        var mentors = await db.GroupMentors.Select(m => new StaffRow(m.Person!.UserName!, m.Person.DisplayName, Roles.Mentor, m.Group!.Name)).ToListAsync(ct);
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync(ct);
        var admins = await db.UserRoles.Where(r => r.RoleId == adminRole).Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new StaffRow(u.UserName!, u.DisplayName, Roles.Administrator, "")).ToListAsync(ct);
        return admins.Concat(officers).Concat(mentors).OrderBy(s => s.Role).ThenBy(s => s.UserName).ToList();
    }

    public async Task<Office> AddOfficeAsync(string name, IndonesianZone zone, string regency, Money target, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(zone)) throw new MakerRuleException("UnknownZone");
        var office = new Office { Name = Name(name), Slug = await SlugAsync(db.Offices.Select(o => o.Slug), name, ct), Zone = zone };
        db.Offices.Add(office);
        await db.SaveChangesAsync(ct);
        await AddRegencyAsync(office.Id, regency, target, ct);
        return office;
    }

    public async Task AddRegencyAsync(int officeId, string name, Money target, CancellationToken ct = default)
    {
        if (!await db.Offices.AnyAsync(o => o.Id == officeId, ct)) throw new MakerRuleException("UnknownOffice");
        if (target <= Money.Zero) throw new MakerRuleException("TargetNotPositive");
        var regency = new Regency { OfficeId = officeId, Name = Name(name), Slug = await SlugAsync(db.Regencies.Select(r => r.Slug), name, ct) };
        var now = clock.GetUtcNow();
        regency.Targets.Add(new MonthlyTarget { FromMonth = new DateOnly(2000, 1, 1), Amount = target, SetAt = now });
        db.Regencies.Add(regency);
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddGroupAsync(int regencyId, string name, GroupKind kind, string pickupAddress, CancellationToken ct = default)
    {
        var regency = await db.Regencies.SingleOrDefaultAsync(r => r.Id == regencyId, ct) ?? throw new MakerRuleException("UnknownRegency");
        if (!Enum.IsDefined(kind)) throw new MakerRuleException("UnknownKind");
        if (string.IsNullOrWhiteSpace(pickupAddress) || pickupAddress.Length > 300) throw new MakerRuleException("PickupAddressRequired");
        db.Groups.Add(new Group
        {
            OfficeId = regency.OfficeId, RegencyId = regency.Id, Name = Name(name), Kind = kind, PickupAddress = pickupAddress.Trim(),
            Slug = await SlugAsync(db.Groups.Select(g => g.Slug), name, ct),
        });
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddProgrammeAsync(int groupId, string name, CancellationToken ct = default)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct)) throw new MakerRuleException("UnknownGroup");
        db.Programmes.Add(new Programme { GroupId = groupId, Name = Name(name), Slug = await SlugAsync(db.Programmes.Select(p => p.Slug), name, ct) });
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddCategoryAsync(string nameId, string nameEn, bool perishable, CancellationToken ct = default)
    {
        var position = await db.Categories.MaxAsync(c => (int?)c.Position, ct) ?? 0;
        db.Categories.Add(new Category
        {
            NameId = Name(nameId), NameEn = Name(nameEn), Perishable = perishable, Position = position + 1,
            Slug = await SlugAsync(db.Categories.Select(c => c.Slug), nameId, ct),
        });
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes an existing account an officer of an office, a mentor of a group, or an administrator.</summary>
    public async Task AssignStaffAsync(string userName, string role, int? placeId, CancellationToken ct = default)
    {
        var person = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName.Trim(), ct) ?? throw new MakerRuleException("UnknownPerson");
        switch (role)
        {
            case Roles.Officer when placeId is { } office && await db.Offices.AnyAsync(o => o.Id == office, ct):
                if (!await db.OfficeOfficers.AnyAsync(o => o.OfficeId == office && o.PersonId == person.Id, ct))
                    db.OfficeOfficers.Add(new OfficeOfficer { OfficeId = office, PersonId = person.Id });
                break;
            case Roles.Mentor when placeId is { } group && await db.Groups.AnyAsync(g => g.Id == group, ct):
                if (!await db.GroupMentors.AnyAsync(m => m.GroupId == group && m.PersonId == person.Id, ct))
                    db.GroupMentors.Add(new GroupMentor { GroupId = group, PersonId = person.Id });
                break;
            case Roles.Administrator:
                break;
            default:
                throw new MakerRuleException("UnknownPlace");
        }
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
        if (!await db.UserRoles.AnyAsync(r => r.UserId == person.Id && r.RoleId == roleId, ct))
            db.UserRoles.Add(new() { UserId = person.Id, RoleId = roleId });
        // A changed role must reach the person's cookie at the next sign-in check.
        person.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
    }

    static string Name(string name)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length is < 2 or > 120 ? throw new MakerRuleException("NameLength") : trimmed;
    }

    static async Task<string> SlugAsync(IQueryable<string> taken, string name, CancellationToken ct)
    {
        var slug = Slugs.From(name);
        for (var i = 2; await taken.AnyAsync(s => s == slug, ct); i++) slug = $"{Slugs.From(name)}-{i}";
        return slug;
    }
}
