using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Organisation;

public static class OrganisationServices
{
    /// <summary>Offices, groups, programmes and regencies, their targets, and what each staff member oversees.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<ScopeOverview>();
        services.AddScoped<TargetSettings>();
        services.AddScoped<OrganisationDesk>();
        services.AddScoped<OrganisationEdits>();
        return services;
    }
}
