namespace PasKreatif.Organisation;

/// <summary>A Bapas (probation office) and its work area.</summary>
public class Office
{
    public int Id { get; init; }
    public string Name { get; internal set; } = "";
    public string Slug { get; init; } = "";
    public IndonesianZone Zone { get; internal set; }
    public List<Regency> Regencies { get; init; } = [];
    public List<Group> Groups { get; init; } = [];
    public List<OfficeOfficer> Officers { get; init; } = [];
}

public class Regency
{
    public int Id { get; init; }
    public int OfficeId { get; internal set; }
    public Office? Office { get; init; }
    public string Name { get; internal set; } = "";
    public string Slug { get; init; } = "";
    public List<MonthlyTarget> Targets { get; init; } = [];
}

/// <summary>A regency's monthly revenue target (default: its minimum wage), valid from a month on.</summary>
public class MonthlyTarget
{
    public int Id { get; init; }
    public int RegencyId { get; init; }
    public DateOnly FromMonth { get; init; }
    public Money Amount { get; internal set; }
    public Guid? SetById { get; internal set; }
    public DateTimeOffset SetAt { get; internal set; }
}

public class OfficeOfficer
{
    public int OfficeId { get; init; }
    public Office? Office { get; init; }
    public Guid PersonId { get; init; }
}

public static class RegencyTargets
{
    /// <summary>The target in force in a month: the latest one set from that month or before.</summary>
    public static Money? TargetFor(this Regency regency, DateOnly month) =>
        regency.Targets.Where(t => t.FromMonth <= month).OrderByDescending(t => t.FromMonth).Select(t => (Money?)t.Amount).FirstOrDefault();
}
