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
    public static readonly ISavingRule[] All = typeof(ISavingRule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISavingRule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (ISavingRule)Activator.CreateInstance(t, nonPublic: true)!)
        .ToArray();

    public static void Apply(ChangeTracker tracker)
    {
        foreach (var rule in All) rule.Apply(tracker);
    }
}
