using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Independence;
using PasKreatif.Organisation;

namespace PasKreatif.Admin;

/// <summary>Wiring of moderation, makers, revenue and independence pages, and the mentors' monthly summary job.</summary>
public static class BackOfficeHost
{
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeAreaFolder("Admin", "/Targets", AdminPolicies.Officer);
            o.Conventions.AuthorizeAreaFolder("Admin", "/Administration", AdminPolicies.Administrator);
        });
        services.Configure<MvcOptions>(o => o.Filters.Add<OutOfScopeIsNotFound>());
        return services;
    }

    /// <summary>Registers the recurring jobs at start-up; the schedule is kept in Hangfire's storage.</summary>
    public static WebApplication MapBackOfficeJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<MentorMonthlySummary>(MentorMonthlySummary.JobId, s => s.SendAsync(CancellationToken.None), MentorMonthlySummary.Cron,
            new RecurringJobOptions { TimeZone = IndonesianZone.WIB.TimeZone() });
        // The nightly backup runs only where a folder is configured.
        if (!app.Services.GetRequiredService<Backup.BackupOptions>().IsOn) jobs.RemoveIfExists(Backup.DatabaseBackup.JobId);
        else jobs.AddOrUpdate<Backup.DatabaseBackup>(Backup.DatabaseBackup.JobId, b => b.RunAsync(CancellationToken.None), Backup.DatabaseBackup.Cron,
            new RecurringJobOptions { TimeZone = IndonesianZone.WIB.TimeZone() });
        return app;
    }

    /// <summary>A row outside the caller's scope answers 404, so its existence is not revealed.</summary>
    sealed class OutOfScopeIsNotFound : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            if (executed.Exception is OutOfScopeException)
            {
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
            }
        }
    }
}
