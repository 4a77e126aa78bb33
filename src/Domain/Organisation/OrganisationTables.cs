using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Organisation;

/// <summary>The Organisation folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class OrganisationTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<Office> Offices => db.Set<Office>();
        public DbSet<Regency> Regencies => db.Set<Regency>();
        public DbSet<MonthlyTarget> MonthlyTargets => db.Set<MonthlyTarget>();
        public DbSet<OfficeOfficer> OfficeOfficers => db.Set<OfficeOfficer>();
        public DbSet<Group> Groups => db.Set<Group>();
        public DbSet<GroupMentor> GroupMentors => db.Set<GroupMentor>();
        public DbSet<Programme> Programmes => db.Set<Programme>();
    }
}
