using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PasKreatif;

/// <summary>
/// One group of settings, bound from one configuration section. <see cref="Problems"/> names each bad value by
/// its whole key ("Orders:CardPaymentMinutes"), so a typo in a deployment stops the start with a message to act on.
/// </summary>
public interface ISettingGroup
{
    /// <summary>One line per bad value; nulls (checks that passed) are skipped.</summary>
    IEnumerable<string?> Problems(string section);
}

public static class Settings
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, checks it when the host starts, and offers it both
    /// as <see cref="IOptions{T}"/> and as itself. A value the binder cannot convert stops the start too, naming its key.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ISettingGroup
    {
        services.AddSingleton<IValidateOptions<T>>(new Checked<T>(section));
        services.AddSingleton(s => s.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>The group as the binder reads it, for the few choices made while services are registered.</summary>
    public static T ReadSettings<T>(this IConfiguration configuration, string section) where T : class, new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>A list, as an array section or one comma-separated value (handy in environment variables).</summary>
    public static List<string> ReadList(this IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }

    /// <summary>Problems for the entries of <paramref name="key"/> that are not an address or a network (CIDR).</summary>
    public static IEnumerable<string> Networks(string key, IEnumerable<string> values, bool addresses = false) =>
        values.Where(v => addresses ? !System.Net.IPAddress.TryParse(v, out _) : !System.Net.IPNetwork.TryParse(v, out _))
            .Select(v => $"{key} holds \"{v}\", which is not {(addresses ? "an IP address" : "a network such as 10.0.0.0/8")}.");

    /// <summary>A problem when <paramref name="value"/> is below <paramref name="least"/>.</summary>
    public static string? AtLeast(string key, double value, double least) =>
        value < least ? $"{key} must be at least {least}, not {value}." : null;

    /// <summary>A problem when <paramref name="value"/> is set but is not an absolute http or https address.</summary>
    public static string? WebAddress(string key, string? value) =>
        string.IsNullOrWhiteSpace(value) || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            ? null
            : $"{key} must be an absolute http or https address, not \"{value}\".";

    sealed class Checked<T>(string section) : IValidateOptions<T> where T : class, ISettingGroup
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = options.Problems(section).OfType<string>().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
