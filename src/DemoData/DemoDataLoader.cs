using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Demo;

/// <summary>
/// Loads deterministic demo data (seed and anchor date from <see cref="DemoOptions"/>) once:
/// a second load, from this or another instance, changes nothing.
/// </summary>
public sealed class DemoDataLoader(MarketplaceDb db, PhotoPipeline photos, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoDataLoader> log)
{
    /// <summary>The accounts ./run.sh prints, one per role.</summary>
    public static readonly IReadOnlyList<(string Role, string UserName)> DemoLogins =
    [
        (Roles.Administrator, "admin"), (Roles.Officer, "petugas"), (Roles.Mentor, "pendamping"),
        (Roles.Maker, "pembuat"), (Roles.Buyer, "pembeli"),
    ];

    public const string EmailDomain = "pas-kreatif.test";

    public async Task<bool> LoadAsync(DemoTier tier, CancellationToken ct = default)
    {
        await ReferenceData.EnsureAsync(db, ct);
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        // Rows are only added, never edited: skipping change detection makes large tiers fast.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await LoadOnceAsync(tier, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    async Task<bool> LoadOnceAsync(DemoTier tier, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two instances starting together load once: the second waits here, then sees the mark.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(20261101)", ct);
        if (await db.DemoDataMarks.AnyAsync(ct))
            return false;

        var build = new DemoBuild(options.Value, tier, clock.GetUtcNow());
        await AddOrganisationAsync(build, ct);
        await AddPeopleAsync(build, ct);
        var listings = new DemoListings(db, photos, build);
        await listings.AddAsync(ct);
        var orders = new DemoOrders(db, build);
        await orders.AddAsync(ct);
        // Listings go in before order lines (foreign keys), but with their sales counted: no UPDATE afterwards.
        await listings.WriteAsync(orders.UnitsSold, ct);
        await orders.WriteAsync(ct);

        db.DemoDataMarks.Add(new DemoDataMark { Tier = tier.Name, LoadedAt = build.Anchor });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // After a bulk load the search index's pending list is long and the planner's statistics empty:
        // until autovacuum came by, common words were read from every listing instead of the index.
        if (tier.Listings >= 10_000)
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        log.DemoDataLoaded(tier.Name, seconds);
        return true;
    }

    async Task AddOrganisationAsync(DemoBuild build, CancellationToken ct)
    {
        var targetsFrom = new DateOnly(build.Anchor.Year, build.Anchor.Month, 1).AddMonths(-24);
        foreach (var seed in DemoCatalogue.Offices.Take(build.Tier.Offices))
        {
            var office = new Office { Name = seed.Name, Slug = Slugs.From(seed.Name), Zone = seed.Zone };
            foreach (var r in seed.Regencies)
            {
                var regency = new Regency { Name = r.Name, Slug = Slugs.From(r.Name) };
                regency.Targets.Add(new MonthlyTarget { FromMonth = targetsFrom, Amount = Money.Of(r.Target), SetAt = build.Anchor.AddYears(-2) });
                office.Regencies.Add(regency);
            }
            build.Offices.Add((office, seed));
            db.Offices.Add(office);
        }
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < build.Tier.Groups; i++)
        {
            var (office, seed) = build.Offices[i % build.Offices.Count];
            var nth = i / build.Offices.Count;
            var groupSeed = seed.Groups[nth % seed.Groups.Length];
            var name = nth < seed.Groups.Length ? groupSeed.Name : $"{groupSeed.Name} {nth / seed.Groups.Length + 1}";
            var regency = office.Regencies[nth % office.Regencies.Count];
            var group = new Group
            {
                OfficeId = office.Id, RegencyId = regency.Id, Name = name, Slug = Slugs.From(name, 150), Kind = groupSeed.Kind,
                PickupAddress = $"{build.Pick(DemoCatalogue.Streets)} No. {build.Random.Next(1, 120)}, {regency.Name}",
            };
            foreach (var key in groupSeed.Programmes)
            {
                var p = DemoCatalogue.Programmes.Single(p => p.Key == key);
                group.Programmes.Add(new Programme
                {
                    Name = p.Name, Slug = Slugs.From($"{p.Name} {name}", 150), Story = p.Story, StoryEn = p.StoryEn,
                });
            }
            build.Groups.Add(group);
            db.Groups.Add(group);
        }
        await db.SaveChangesAsync(ct);
    }

    async Task AddPeopleAsync(DemoBuild build, CancellationToken ct)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        // Thousands of people and makers in the bench tier: written by COPY like the listings.
        var people = new List<Person>();
        var personRoles = new List<IdentityUserRole<Guid>>();
        var officers = new List<OfficeOfficer>();
        var mentors = new List<GroupMentor>();
        var makers = new List<Maker>();
        Person AddPerson(string userName, string displayName, bool withEmail, string role)
        {
            var person = build.NewPerson(userName, displayName, withEmail ? $"{userName}@{EmailDomain}" : null);
            people.Add(person);
            personRoles.Add(new() { UserId = person.Id, RoleId = roles[role] });
            return person;
        }

        AddPerson("admin", "Admin PAS Kreatif", true, Roles.Administrator);
        for (var o = 0; o < build.Offices.Count; o++)
        {
            var officer = AddPerson(o == 0 ? "petugas" : $"petugas{o + 1}", "PK " + build.PersonName(), true, Roles.Officer);
            officers.Add(new OfficeOfficer { OfficeId = build.Offices[o].Office.Id, PersonId = officer.Id });
        }
        for (var g = 0; g < build.Groups.Count; g++)
        {
            var mentor = AddPerson(g == 0 ? "pendamping" : $"pendamping{g + 1}", build.PersonName(), true, Roles.Mentor);
            mentors.Add(new GroupMentor { GroupId = build.Groups[g].Id, PersonId = mentor.Id });
            build.MentorOfGroup[build.Groups[g].Id] = mentor.Id;
        }
        for (var b = 0; b < Math.Max(5, build.Tier.Makers / 4); b++)
            build.BuyerAccounts.Add(AddPerson(b == 0 ? "pembeli" : $"pembeli{b + 1}", build.PersonName(), true, Roles.Buyer));

        for (var m = 0; m < build.Tier.Makers; m++)
        {
            var group = build.Groups[m % build.Groups.Count];
            var first = build.Pick(DemoCatalogue.FirstNames);
            var display = build.Random.Next(3) == 0 ? first : $"{build.Pick(DemoCatalogue.Aliases)} {first}";
            var person = AddPerson(m == 0 ? "pembuat" : $"pembuat{m + 1}", display, m == 0 || build.Random.Next(10) < 6, Roles.Maker);
            var maker = new Maker
            {
                PersonId = person.Id, DisplayName = display, Slug = Slugs.From($"{display} {m + 1}"),
                HomeGroupId = group.Id, RegencyId = group.RegencyId,
                JoinedAt = build.Anchor.AddDays(-build.Random.Next(400, 700)),
                LegalName = $"{first} {build.Pick(DemoCatalogue.LastNames)}",
                Phone = "08" + build.Random.NextInt64(1_000_000_000, 9_999_999_999),
            };
            foreach (var programme in group.Programmes)
                maker.Programmes.Add(new MakerProgramme { ProgrammeId = programme.Id });
            var storyRoll = build.Random.Next(20);
            if (storyRoll < 6)
                maker.Story = MakerStory.Shown(DemoText.Story(build), maker.JoinedAt.AddDays(30));
            else if (storyRoll == 6)
                maker.Story = MakerStory.Submitted(null, DemoText.Story(build), build.Anchor.AddHours(-1 - m % 72));
            build.Makers.Add(new DemoMaker(maker, group, build.Popularity()));
            makers.Add(maker);
        }
        await new BulkCopy<Person>(db).WriteAsync(people, ct);
        await new BulkCopy<IdentityUserRole<Guid>>(db).WriteAsync(personRoles, ct);
        await new BulkCopy<OfficeOfficer>(db).WriteAsync(officers, ct);
        await new BulkCopy<GroupMentor>(db).WriteAsync(mentors, ct);
        var makerRows = new BulkCopy<Maker>(db);
        await makerRows.AssignIdsAsync(makers, ct);
        foreach (var maker in makers)
            foreach (var programme in maker.Programmes) programme.MakerId = maker.Id;
        await makerRows.WriteAsync(makers, ct);
        await new BulkCopy<MakerProgramme>(db).WriteAsync(makers.SelectMany(m => m.Programmes), ct);
        db.ChangeTracker.Clear();
    }
}
