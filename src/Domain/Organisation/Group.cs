using PasKreatif.People;

namespace PasKreatif.Organisation;

public enum GroupKind { Foundation, Business, Community, Faith, Farmers, Fishers }

/// <summary>A Pokmas Lipas group under one office.</summary>
public class Group
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public Office? Office { get; set; }
    public int RegencyId { get; set; }
    public Regency? Regency { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public GroupKind Kind { get; set; }
    /// <summary>Where buyers collect pickup orders.</summary>
    public string PickupAddress { get; set; } = "";
    /// <summary>Share of each sale the group keeps, in percent; 0 by default.</summary>
    public decimal FeePercent { get; set; }
    public List<Programme> Programmes { get; set; } = [];
    public List<GroupMentor> Mentors { get; set; } = [];
}

public class GroupMentor
{
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>What a group runs: cake making, sewing, recycled-waste crafts...</summary>
public class Programme
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    /// <summary>The programme's public story, told about the programme, never about a person.</summary>
    public string Story { get; set; } = "";
    public string? StoryEn { get; set; }
}
