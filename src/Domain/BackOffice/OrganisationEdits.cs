using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.BackOffice;

public sealed record OfficeEdit(string Name, IndonesianZone Zone);
public sealed record RegencyEdit(string Name, int OfficeId);
public sealed record GroupEdit(string Name, GroupKind Kind, int RegencyId, string PickupAddress, decimal FeePercent);
public sealed record ProgrammeEdit(string Name, int GroupId, string? Story, string? StoryEn);
public sealed record CategoryEdit(string NameId, string NameEn, int Position, bool Perishable, bool UsuallyMadeToOrder, bool OneOfAKind);

/// <summary>
/// Administrators edit and remove offices, regencies, groups, programmes and categories. Slugs stay as
/// they were on a rename, so public links keep working; a removal is refused while anything uses the row.
/// </summary>
public sealed class OrganisationEdits(MarketplaceDb db, ICatalogChanges catalog)
{
    // An unknown id reads as 404, like a row outside one's scope.
    public async Task<Office> OfficeAsync(int id, CancellationToken ct = default) =>
        await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new OutOfScopeException();

    public async Task<Regency> RegencyAsync(int id, CancellationToken ct = default) =>
        await db.Regencies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new OutOfScopeException();

    public async Task<Group> GroupAsync(int id, CancellationToken ct = default) =>
        await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new OutOfScopeException();

    public async Task<Programme> ProgrammeAsync(int id, CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new OutOfScopeException();

    public async Task<Category> CategoryAsync(int id, CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new OutOfScopeException();

    public async Task EditOfficeAsync(int id, OfficeEdit edit, CancellationToken ct = default)
    {
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new MakerRuleException("UnknownOffice");
        if (!Enum.IsDefined(edit.Zone)) throw new MakerRuleException("UnknownZone");
        office.Name = OrganisationRules.Name(edit.Name);
        office.Zone = edit.Zone;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveOfficeAsync(int id, CancellationToken ct = default)
    {
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new MakerRuleException("UnknownOffice");
        OrganisationRules.RefuseWhileUsed(new Dictionary<string, int>
        {
            ["Regencies"] = await db.Regencies.CountAsync(r => r.OfficeId == id, ct),
            ["Groups"] = await db.Groups.CountAsync(g => g.OfficeId == id, ct),
            ["Officers"] = await db.OfficeOfficers.CountAsync(o => o.OfficeId == id, ct),
        });
        db.Offices.Remove(office);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A regency moves to another office only while no group or maker sits in it, so scopes never split.</summary>
    public async Task EditRegencyAsync(int id, RegencyEdit edit, CancellationToken ct = default)
    {
        var regency = await db.Regencies.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new MakerRuleException("UnknownRegency");
        var name = OrganisationRules.Name(edit.Name);
        if (edit.OfficeId != regency.OfficeId)
        {
            if (!await db.Offices.AnyAsync(o => o.Id == edit.OfficeId, ct)) throw new MakerRuleException("UnknownOffice");
            OrganisationRules.RefuseWhileUsed(await RegencyUsesAsync(id, ct));
            regency.OfficeId = edit.OfficeId;
        }
        regency.Name = name;
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveRegencyAsync(int id, CancellationToken ct = default)
    {
        var regency = await db.Regencies.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new MakerRuleException("UnknownRegency");
        OrganisationRules.RefuseWhileUsed(await RegencyUsesAsync(id, ct));
        db.Regencies.Remove(regency);
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A group follows its regency's office; moving it hands its makers to that office's officers.</summary>
    public async Task EditGroupAsync(int id, GroupEdit edit, CancellationToken ct = default)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new MakerRuleException("UnknownGroup");
        var regency = await db.Regencies.SingleOrDefaultAsync(r => r.Id == edit.RegencyId, ct) ?? throw new MakerRuleException("UnknownRegency");
        if (!Enum.IsDefined(edit.Kind)) throw new MakerRuleException("UnknownKind");
        group.Name = OrganisationRules.Name(edit.Name);
        group.PickupAddress = OrganisationRules.PickupAddress(edit.PickupAddress);
        group.FeePercent = OrganisationRules.FeePercent(edit.FeePercent);
        group.Kind = edit.Kind;
        group.RegencyId = regency.Id;
        group.OfficeId = regency.OfficeId;
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveGroupAsync(int id, CancellationToken ct = default)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new MakerRuleException("UnknownGroup");
        OrganisationRules.RefuseWhileUsed(new Dictionary<string, int>
        {
            ["Makers"] = await db.Makers.CountAsync(m => m.HomeGroupId == id, ct),
            ["Programmes"] = await db.Programmes.CountAsync(p => p.GroupId == id, ct),
            ["Mentors"] = await db.GroupMentors.CountAsync(m => m.GroupId == id, ct),
            ["Invitations"] = await db.Invitations.CountAsync(i => i.GroupId == id, ct),
            ["Orders"] = await db.Fulfilments.CountAsync(f => f.GroupId == id, ct),
        });
        db.Groups.Remove(group);
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A programme changes group only while no listing or maker uses it: listings are moderated by their programme's group.</summary>
    public async Task EditProgrammeAsync(int id, ProgrammeEdit edit, CancellationToken ct = default)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new MakerRuleException("UnknownProgramme");
        var name = OrganisationRules.Name(edit.Name);
        var story = OrganisationRules.Story(edit.Story);
        var storyEn = OrganisationRules.Story(edit.StoryEn);
        if (edit.GroupId != programme.GroupId)
        {
            if (!await db.Groups.AnyAsync(g => g.Id == edit.GroupId, ct)) throw new MakerRuleException("UnknownGroup");
            OrganisationRules.RefuseWhileUsed(await ProgrammeUsesAsync(id, ct));
            programme.GroupId = edit.GroupId;
        }
        programme.Name = name;
        programme.Story = story;
        programme.StoryEn = storyEn.Length == 0 ? null : storyEn;
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveProgrammeAsync(int id, CancellationToken ct = default)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new MakerRuleException("UnknownProgramme");
        OrganisationRules.RefuseWhileUsed(await ProgrammeUsesAsync(id, ct));
        db.Programmes.Remove(programme);
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task EditCategoryAsync(int id, CategoryEdit edit, CancellationToken ct = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new MakerRuleException("UnknownCategory");
        if (edit.Position is < 0 or > 10_000) throw new MakerRuleException("PositionRange");
        category.NameId = OrganisationRules.Name(edit.NameId);
        category.NameEn = OrganisationRules.Name(edit.NameEn);
        category.Position = edit.Position;
        category.Perishable = edit.Perishable;
        category.UsuallyMadeToOrder = edit.UsuallyMadeToOrder;
        category.OneOfAKind = edit.OneOfAKind;
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveCategoryAsync(int id, CancellationToken ct = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new MakerRuleException("UnknownCategory");
        OrganisationRules.RefuseWhileUsed(new Dictionary<string, int>
        {
            ["Listings"] = await db.Listings.CountAsync(l => l.CategoryId == id, ct),
            ["Revisions"] = await db.ListingRevisions.CountAsync(r => r.CategoryId == id, ct),
        });
        db.Categories.Remove(category);
        await catalog.RaiseAsync(db, CatalogChange.Organisation, ct);
        await db.SaveChangesAsync(ct);
    }

    async Task<Dictionary<string, int>> RegencyUsesAsync(int id, CancellationToken ct) => new()
    {
        ["Groups"] = await db.Groups.CountAsync(g => g.RegencyId == id, ct),
        ["Makers"] = await db.Makers.CountAsync(m => m.RegencyId == id, ct),
        ["Invitations"] = await db.Invitations.CountAsync(i => i.RegencyId == id, ct),
    };

    async Task<Dictionary<string, int>> ProgrammeUsesAsync(int id, CancellationToken ct) => new()
    {
        ["Listings"] = await db.Listings.CountAsync(l => l.ProgrammeId == id, ct),
        ["Makers"] = await db.MakerProgrammes.CountAsync(m => m.ProgrammeId == id, ct),
    };
}
