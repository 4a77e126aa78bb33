using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PasKreatif.Persistence;

/// <summary>
/// A rule a folder applies to the tracked changes before every save of the shop's context. The context finds every rule
/// in the assembly, as it finds the entity configurations, so each rule lives with its entities and every context has them.
/// </summary>
public interface ISavingRule
{
    void Apply(ChangeTracker tracker);
}

static class SavingRules
{
    public static readonly ISavingRule[] All = FolderParts.Every<ISavingRule>();

    public static void Apply(ChangeTracker tracker)
    {
        foreach (var rule in All) rule.Apply(tracker);
    }
}

/// <summary>What each folder contributes to the context (saving rules, reference rows), found in the assembly as EF finds the configurations.</summary>
static class FolderParts
{
    /// <summary>One instance of every class implementing <typeparamref name="T"/>, in a fixed order (by full name).</summary>
    public static T[] Every<T>() where T : class => typeof(T).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (T)Activator.CreateInstance(t, nonPublic: true)!)
        .ToArray();
}
