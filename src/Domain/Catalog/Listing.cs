using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Catalog;

public enum ListingStatus { Draft, Submitted, Approved, Rejected, Paused, Archived }

[Flags]
public enum DeliveryOptions
{
    None = 0,
    Pickup = 1,
    LocalDelivery = 2,
    Shipping = 4,
}

/// <summary>Something a maker sells. Its public words and photos are those last approved.</summary>
public class Listing
{
    public int Id { get; set; }
    public int MakerId { get; set; }
    public Maker? Maker { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public Money Price { get; set; }
    /// <summary>Units on hand; ignored while <see cref="MadeToOrder"/>.</summary>
    public int Stock { get; set; }
    public bool MadeToOrder { get; set; }
    public int LeadTimeDays { get; set; }
    public int WeightGrams { get; set; }
    public DeliveryOptions Delivery { get; set; }
    public ListingStatus Status { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Units sold, for sorting by popularity.</summary>
    public int UnitsSold { get; set; }
    /// <summary>Approved reviews and their star total, kept by ReviewDesk so pages never scan reviews.</summary>
    public int ReviewCount { get; set; }
    public int ReviewStarTotal { get; set; }
    public List<ListingPhoto> Photos { get; set; } = [];
    public List<ListingRevision> Revisions { get; set; } = [];
    /// <summary>Counts the edits by people (maker, mentor); a change made offline names the one it saw.</summary>
    public int EditVersion { get; private set; }
    /// <summary>The phone's key for a listing drafted without signal: a resend of the same draft finds this listing, not a new one.</summary>
    public Guid? OfflineKey { get; internal set; }

    /// <summary>Called on saving any change a person made; sales and review counts leave it alone.</summary>
    internal void CountEdit() => EditVersion++;

    public bool IsOnSale => Status == ListingStatus.Approved;
    public bool InStock => MadeToOrder || Stock > 0;
}

/// <summary>Proposed new words or photos for an approved listing, which stays on sale meanwhile.</summary>
public class ListingRevision
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int CategoryId { get; set; }
    public RevisionStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public List<ListingPhoto> Photos { get; set; } = [];
}

public enum RevisionStatus { Draft, Submitted, Approved, Rejected }

/// <summary>A photo in a listing's gallery (or in a pending revision's), at a chosen position.</summary>
public class ListingPhoto
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public int? RevisionId { get; set; }
    public int PhotoId { get; set; }
    public Media.Photo? Photo { get; set; }
    public int Position { get; set; }
    public string? AltText { get; set; }
}
