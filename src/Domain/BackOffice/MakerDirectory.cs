using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.BackOffice;

public sealed record MakerRow(int Id, string DisplayName, string GroupName, string RegencyName, int ListingsOnSale, DateTimeOffset JoinedAt);

public sealed record MilestoneRow(int Id, MilestoneKind Kind, DateOnly Date, string? Note);

public sealed record MakerProfile(
    int Id, string DisplayName, string Slug, int HomeGroupId, string GroupName, int RegencyId, IReadOnlyList<int> ProgrammeIds,
    string? LegalName, string? Phone, IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<Choice> GroupChoices, IReadOnlyList<Choice> ProgrammeChoices, IReadOnlyList<Choice> RegencyChoices);

public sealed record ProfileChange(string DisplayName, int HomeGroupId, IReadOnlyCollection<int> ProgrammeIds, int RegencyId);

/// <summary>Makers as staff see and keep them: profiles and milestones, narrowed by <see cref="StaffScope"/>.</summary>
public sealed class MakerDirectory(MarketplaceDb db, TimeProvider clock, ICatalogChanges catalog)
{
    /// <summary>One page of the makers in scope whose name holds the words searched, by name.</summary>
    public async Task<ListPage<MakerRow>> PageAsync(StaffScope scope, ListRequest request, CancellationToken ct = default)
    {
        var read = await Rows(scope.Makers(db).PageOf(request)).ToListAsync(ct);
        return ListPage.From<MakerRow>(read, request, m => new ListCursor(m.DisplayName, m.Id));
    }

    /// <summary>Every maker in scope matching the search, by name, read as it is written out.</summary>
    public IAsyncEnumerable<MakerRow> AllAsync(StaffScope scope, ListRequest request) =>
        Rows(scope.Makers(db).Matching(request).InOrder()).AsAsyncEnumerable();

    IQueryable<MakerRow> Rows(IQueryable<Maker> makers) =>
        makers.Select(m => new MakerRow(m.Id, m.DisplayName, m.HomeGroup!.Name, m.Regency!.Name,
            db.Set<Listing>().Where(Listing.OnSale).Count(l => l.MakerId == m.Id), m.JoinedAt));

    public async Task<MakerProfile> ProfileAsync(StaffScope scope, int makerId, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).AsNoTracking().Include(m => m.Programmes).Include(m => m.Milestones).Include(m => m.HomeGroup)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == makerId, ct) ?? throw new OutOfScopeException();
        var groups = await scope.Groups(db).OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
        // A maker may take part in programmes of other groups, so every programme is offered.
        var programmes = await db.Programmes.OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name + " · " + p.Group!.Name)).ToListAsync(ct);
        var regencies = await db.Regencies.Where(r => r.OfficeId == maker.HomeGroup!.OfficeId).OrderBy(r => r.Name).Select(r => new Choice(r.Id, r.Name)).ToListAsync(ct);
        return new MakerProfile(maker.Id, maker.DisplayName, maker.Slug, maker.HomeGroupId, maker.HomeGroup!.Name, maker.RegencyId,
            maker.Programmes.Select(p => p.ProgrammeId).ToList(), maker.LegalName, maker.Phone,
            maker.Milestones.OrderByDescending(m => m.Date).Select(m => new MilestoneRow(m.Id, m.Kind, m.Date, m.Note)).ToList(),
            groups, programmes, regencies);
    }

    public async Task UpdateProfileAsync(StaffScope scope, int makerId, ProfileChange change, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Include(m => m.Programmes).SingleOrDefaultAsync(m => m.Id == makerId, ct) ?? throw new OutOfScopeException();
        var name = MakerName.Clean(change.DisplayName) ?? throw new MakerRuleException("DisplayNameLength");
        var group = await scope.Groups(db).Where(g => g.Id == change.HomeGroupId).Select(g => new { g.Id, g.OfficeId }).SingleOrDefaultAsync(ct)
            ?? throw new MakerRuleException("UnknownGroup");
        if (!await db.Regencies.AnyAsync(r => r.Id == change.RegencyId && r.OfficeId == group.OfficeId, ct)) throw new MakerRuleException("RegencyOutsideOffice");
        var programmeIds = change.ProgrammeIds.Distinct().ToList();
        if (programmeIds.Count == 0) throw new MakerRuleException("NoProgramme");
        if (await db.Programmes.CountAsync(p => programmeIds.Contains(p.Id), ct) != programmeIds.Count) throw new MakerRuleException("UnknownProgramme");

        maker.DisplayName = name;
        maker.HomeGroupId = group.Id;
        maker.RegencyId = change.RegencyId;
        maker.Programmes.RemoveAll(p => !programmeIds.Contains(p.ProgrammeId));
        foreach (var id in programmeIds.Where(id => maker.Programmes.All(p => p.ProgrammeId != id)))
            maker.Programmes.Add(new MakerProgramme { MakerId = maker.Id, ProgrammeId = id });
        await catalog.RaiseAsync(db, CatalogChange.Maker(maker.Id), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddMilestoneAsync(StaffScope scope, int makerId, MilestoneKind kind, DateOnly date, string? note, CancellationToken ct = default)
    {
        if (!await scope.Makers(db).AnyAsync(m => m.Id == makerId, ct)) throw new OutOfScopeException();
        if (new MilestoneInput(kind, date, note).Validate() is [var broken, ..]) throw new MakerRuleException(broken.Code);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(9)); // no zone in Indonesia is ahead of WIT
        if (date > today) throw new MakerRuleException("MilestoneInFuture");
        db.Milestones.Add(new Milestone
        {
            MakerId = makerId, Kind = kind, Date = date, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedById = scope.PersonId, RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
