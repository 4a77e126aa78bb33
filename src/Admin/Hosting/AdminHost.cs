using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.People;

namespace PasKreatif.Admin;

public static class AdminPolicies
{
    public const string Staff = "Staff";
    public const string Officer = "Officer";
    public const string Administrator = "Administrator";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(Roles.Administrator, Roles.Officer, Roles.Mentor))
        .AddPolicy(Officer, p => p.RequireRole(Roles.Administrator, Roles.Officer))
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
}

public static class AdminHost
{
    public const string JobsPath = "/admin/jobs";

    /// <summary>The back office lives under /admin: staff only, settings for administrators.</summary>
    public static IServiceCollection AddMarketplaceAdmin(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeAreaFolder("Admin", "/", AdminPolicies.Staff);
            o.Conventions.AuthorizeAreaFolder("Admin", "/Settings", AdminPolicies.Administrator);
        });
        services.AddHttpContextAccessor();
        services.AddScoped<StaffScopeAccessor>();
        services.AddBackOffice();
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapHangfireDashboard(JobsPath, new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            AppPath = ShopPaths.BackOffice,
            DashboardTitle = "PAS Kreatif — jobs",
        }).RequireAuthorization(AdminPolicies.Administrator);
        app.MapBackOfficeJobs();
        return app;
    }

    sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User is ClaimsPrincipal user && user.IsInRole(Roles.Administrator);
    }
}
