using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PasKreatif.BackOffice;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>The back office's desks raise what they change; the eviction's safety net for unannounced saves stays quiet.</summary>
public class AnnouncedChangesTests(AnnouncedChangesTests.LoggedFactory factory) : IClassFixture<AnnouncedChangesTests.LoggedFactory>
{
    public sealed class LoggedFactory : ShopFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Lines)));
        }

        sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) => this;
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
            public void Dispose() { }
        }
    }

    List<string> Unannounced() => factory.Lines.Where(l => l.Contains("no catalogue change raised", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Categories_programmes_and_a_makers_profile_changed_in_the_back_office_are_announced()
    {
        using (factory.CreateClient()) { }
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MarketplaceDb>();
            var desk = services.GetRequiredService<OrganisationDesk>();
            var edits = services.GetRequiredService<OrganisationEdits>();
            await desk.AddCategoryAsync("Kategori Uji", "Test Category", perishable: false);
            var category = await db.Categories.AsNoTracking().SingleAsync(c => c.NameId == "Kategori Uji");
            await edits.EditCategoryAsync(category.Id, new CategoryEdit("Kategori Uji Baru", "Test Category New", category.Position, false, false, false));
            var group = await db.Groups.AsNoTracking().OrderBy(g => g.Id).FirstAsync();
            await desk.AddProgrammeAsync(group.Id, "Program Uji");

            var maker = await db.Makers.AsNoTracking().Include(m => m.Programmes).Include(m => m.HomeGroup).OrderBy(m => m.Id).FirstAsync();
            var admin = new StaffScope(Guid.Empty, true, new HashSet<int>(), new HashSet<int>());
            await services.GetRequiredService<MakerDirectory>().UpdateProfileAsync(admin, maker.Id,
                new ProfileChange(maker.DisplayName + " Baru", maker.HomeGroupId, maker.Programmes.Select(p => p.ProgrammeId).ToList(), maker.RegencyId));
            return 0;
        });
        Assert.Empty(Unannounced());

        // The net itself still speaks: a raw save of a shown entity, raised by no one.
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MarketplaceDb>();
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            db.Entry(category).Property(c => c.Position).CurrentValue = category.Position + 1;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Single(Unannounced());
    }
}
