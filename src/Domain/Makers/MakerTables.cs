using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Makers;

/// <summary>The Makers folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class MakerTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<Maker> Makers => db.Set<Maker>();
        public DbSet<MakerProgramme> MakerProgrammes => db.Set<MakerProgramme>();
        public DbSet<Milestone> Milestones => db.Set<Milestone>();
        public DbSet<Invitation> Invitations => db.Set<Invitation>();
    }
}
