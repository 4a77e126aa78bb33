using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Questions;

public static class QuestionServices
{
    /// <summary>Buyers' questions on a listing and makers' answers.</summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddScoped<QuestionDesk>();
        services.AddScoped<ProductTrust>();
        return services;
    }
}
