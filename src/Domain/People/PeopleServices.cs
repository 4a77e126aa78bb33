using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.People;

public static class PeopleServices
{
    /// <summary>Staff accounts and their roles.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PeopleDesk>();
        return services;
    }
}
