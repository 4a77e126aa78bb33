namespace PasKreatif.Organisation;

/// <summary>A Bapas (probation office) and its work area.</summary>
public class Office
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public IndonesianZone Zone { get; set; }
    public List<Regency> Regencies { get; set; } = [];
    public List<Group> Groups { get; set; } = [];
    public List<OfficeOfficer> Officers { get; set; } = [];
}

public class Regency
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public Office? Office { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<MonthlyTarget> Targets { get; set; } = [];
}

/// <summary>A regency's monthly revenue target (default: its minimum wage), valid from a month on.</summary>
public class MonthlyTarget
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public DateOnly FromMonth { get; set; }
    public Money Amount { get; set; }
    public Guid? SetById { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

public class OfficeOfficer
{
    public int OfficeId { get; set; }
    public Office? Office { get; set; }
    public Guid PersonId { get; set; }
}

public static class RegencyTargets
{
    /// <summary>The target in force in a month: the latest one set from that month or before.</summary>
    public static Money? TargetFor(this Regency regency, DateOnly month) =>
        regency.Targets.Where(t => t.FromMonth <= month).OrderByDescending(t => t.FromMonth).Select(t => (Money?)t.Amount).FirstOrDefault();
}
