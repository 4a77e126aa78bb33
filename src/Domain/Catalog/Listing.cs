using System.Linq.Expressions;
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
    public int Id { get; init; }
    public int MakerId { get; init; }
    public Maker? Maker { get; init; }
    public int ProgrammeId { get; internal set; }
    public Programme? Programme { get; init; }
    public int CategoryId { get; internal set; }
    public Category? Category { get; init; }
    public string Slug { get; internal set; } = "";
    public string Title { get; internal set; } = "";
    public string Description { get; internal set; } = "";
    public Money Price { get; internal set; }
    /// <summary>Units on hand; ignored while <see cref="MadeToOrder"/>.</summary>
    public int Stock { get; internal set; }
    public bool MadeToOrder { get; internal set; }
    public int LeadTimeDays { get; internal set; }
    public int WeightGrams { get; internal set; }
    public DeliveryOptions Delivery { get; internal set; }
    public ListingStatus Status { get; internal set; }
    public string? RejectionReason { get; internal set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; internal set; }
    public DateTimeOffset? SubmittedAt { get; internal set; }
    public DateTimeOffset? PublishedAt { get; internal set; }
    /// <summary>Units sold, for sorting by popularity.</summary>
    public int UnitsSold { get; internal set; }
    /// <summary>Approved reviews and their star total, kept by ReviewDesk so pages never scan reviews.</summary>
    public int ReviewCount { get; internal set; }
    public int ReviewStarTotal { get; internal set; }
    public List<ListingPhoto> Photos { get; init; } = [];
    public List<ListingRevision> Revisions { get; init; } = [];
    /// <summary>Counts the edits by people (maker, mentor); a change made offline names the one it saw.</summary>
    public int EditVersion { get; private set; }
    /// <summary>The phone's key for a listing drafted without signal: a resend of the same draft finds this listing, not a new one.</summary>
    public Guid? OfflineKey { get; internal set; }

    /// <summary>Called on saving any change a person made; sales and review counts leave it alone.</summary>
    internal void CountEdit() => EditVersion++;

    /// <summary>On sale, as queries ask it: the one home of the rule, which <see cref="IsOnSale"/> applies to a loaded listing.</summary>
    public static readonly Expression<Func<Listing, bool>> OnSale = l => l.Status == ListingStatus.Approved;
    static readonly Func<Listing, bool> OnSaleNow = OnSale.Compile();

    public bool IsOnSale => OnSaleNow(this);
    public bool InStock => MadeToOrder || Stock > 0;
}

/// <summary>Proposed new words or photos for an approved listing, which stays on sale meanwhile.</summary>
public class ListingRevision
{
    public int Id { get; init; }
    public int ListingId { get; init; }
    public string Title { get; internal set; } = "";
    public string Description { get; internal set; } = "";
    public int CategoryId { get; internal set; }
    public RevisionStatus Status { get; internal set; }
    public string? Reason { get; internal set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; internal set; }
    public DateTimeOffset? DecidedAt { get; internal set; }
    public List<ListingPhoto> Photos { get; init; } = [];
}

public enum RevisionStatus { Draft, Submitted, Approved, Rejected }

/// <summary>A photo in a listing's gallery (or in a pending revision's), at a chosen position.</summary>
public class ListingPhoto
{
    public int Id { get; init; }
    public int ListingId { get; internal set; }
    public int? RevisionId { get; internal set; }
    public int PhotoId { get; init; }
    public Media.Photo? Photo { get; init; }
    public int Position { get; internal set; }
    public string? AltText { get; init; }
}
