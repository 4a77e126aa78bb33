using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif;

/// <summary>Trust between buyers and makers: reviews, questions, makers' notifications.</summary>
public static class TrustServices
{
    public static IServiceCollection AddTrustDomain(this IServiceCollection services)
    {
        services.AddScoped<Reviews.ReviewDesk>();
        services.AddScoped<Reviews.ReviewQueries>();
        services.AddScoped<Questions.QuestionDesk>();
        services.AddScoped<Questions.ProductTrust>();
        services.AddScoped<Notifications.MakerNotices>();
        services.AddScoped<Sharing.MentorMessages>();
        return services;
    }
}
