using PasKreatif.People;

namespace PasKreatif.Organisation;

public enum GroupKind { Foundation, Business, Community, Faith, Farmers, Fishers }

/// <summary>A Pokmas Lipas group under one office.</summary>
public class Group
{
    public int Id { get; init; }
    public int OfficeId { get; internal set; }
    public Office? Office { get; init; }
    public int RegencyId { get; internal set; }
    public Regency? Regency { get; init; }
    public string Name { get; internal set; } = "";
    public string Slug { get; init; } = "";
    public GroupKind Kind { get; internal set; }
    /// <summary>Where buyers collect pickup orders.</summary>
    public string PickupAddress { get; internal set; } = "";
    /// <summary>Share of each sale the group keeps, in percent; 0 by default.</summary>
    public decimal FeePercent { get; internal set; }
    public List<Programme> Programmes { get; init; } = [];
    public List<GroupMentor> Mentors { get; init; } = [];
}

public class GroupMentor
{
    public int GroupId { get; init; }
    public Group? Group { get; init; }
    public Guid PersonId { get; init; }
    public Person? Person { get; init; }
}

/// <summary>What a group runs: cake making, sewing, recycled-waste crafts...</summary>
public class Programme
{
    public int Id { get; init; }
    public int GroupId { get; internal set; }
    public Group? Group { get; init; }
    public string Name { get; internal set; } = "";
    public string Slug { get; init; } = "";
    /// <summary>The programme's public story, told about the programme, never about a person.</summary>
    public string Story { get; internal set; } = "";
    public string? StoryEn { get; internal set; }
}
