using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.BackOffice;

public static class BackOfficeServices
{
    /// <summary>The staff's desks over the organisation: offices, groups, programmes, categories, staff accounts, targets, the makers' directory and the overview of each scope.</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddScoped<ScopeOverview>();
        services.AddScoped<TargetSettings>();
        services.AddScoped<OrganisationDesk>();
        services.AddScoped<OrganisationEdits>();
        services.AddScoped<MakerDirectory>();
        services.AddScoped<PeopleDesk>();
        return services;
    }
}
