using PasKreatif.Catalog;
using PasKreatif.Media;

namespace PasKreatif.Domain.Tests.Catalog;

public class ListingLifecycleTests
{
    static readonly Guid Maker = Guid.NewGuid(), Mentor = Guid.NewGuid();
    static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    static Listing Draft() => new() { Id = 7, Title = "Bolu Pandan", Description = "Lembut", CategoryId = 1, Status = ListingStatus.Draft };

    [Fact]
    public void A_listing_goes_from_draft_through_review_to_sale()
    {
        var listing = Draft();
        Assert.Equal(AuditAction.Submitted, listing.Submit(Maker, Now).Action);
        var approved = listing.Approve(Mentor, Now.AddHours(1));
        Assert.Equal(ListingStatus.Approved, listing.Status);
        Assert.Equal(Now.AddHours(1), listing.PublishedAt);
        Assert.Equal((AuditAction.Approved, Mentor, 7), (approved.Action, approved.ActorId!.Value, approved.ListingId));
        Assert.True(listing.IsOnSale);
    }

    [Fact]
    public void A_rejection_keeps_its_reason_and_the_maker_can_resubmit()
    {
        var listing = Draft();
        listing.Submit(Maker, Now);
        Assert.Equal("ReasonRequired", Assert.Throws<ListingRuleException>(() => listing.Reject(Mentor, Now, "  ")).Code);
        var rejected = listing.Reject(Mentor, Now, " Foto buram ");
        Assert.Equal(("Foto buram", ListingStatus.Rejected), (rejected.Reason, listing.Status));
        Assert.True(listing.EditsInPlace());
        listing.Submit(Maker, Now.AddDays(1));
        Assert.Null(listing.RejectionReason);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
    }

    [Theory]
    [InlineData(ListingStatus.Draft)]
    [InlineData(ListingStatus.Approved)]
    [InlineData(ListingStatus.Paused)]
    [InlineData(ListingStatus.Archived)]
    public void Only_a_submitted_listing_can_be_approved(ListingStatus status)
    {
        var listing = new Listing { Status = status };
        Assert.Throws<ListingRuleException>(() => listing.Approve(Mentor, Now));
        Assert.Equal(status, listing.Status);
    }

    [Fact]
    public void Pause_and_resume_need_no_review_and_archiving_ends_everything()
    {
        var listing = new Listing { Status = ListingStatus.Approved };
        listing.Pause(Maker, Now);
        Assert.False(listing.IsOnSale);
        Assert.Throws<ListingRuleException>(() => listing.Pause(Maker, Now));
        listing.Resume(Maker, Now);
        Assert.True(listing.IsOnSale);
        listing.Archive(Maker, Now);
        Assert.Throws<ListingRuleException>(() => listing.Resume(Maker, Now));
        Assert.Throws<ListingRuleException>(() => listing.Archive(Maker, Now));
    }

    [Fact]
    public void Stock_changes_without_review_but_never_below_zero()
    {
        var listing = new Listing { Status = ListingStatus.Approved, Stock = 3 };
        Assert.Equal("3 → 10", listing.SetStock(10, Maker, Now).Reason);
        Assert.Equal(ListingStatus.Approved, listing.Status);
        Assert.Throws<ListingRuleException>(() => listing.SetStock(-1, Maker, Now));
        Assert.Equal(10, listing.Stock);
    }

    [Fact]
    public void A_revision_leaves_the_approved_version_on_sale_until_it_is_approved()
    {
        var listing = Draft();
        listing.Photos.Add(new ListingPhoto { PhotoId = 1, Position = 0 });
        listing.Submit(Maker, Now);
        listing.Approve(Mentor, Now);
        Assert.False(listing.EditsInPlace());

        var revision = listing.Revise("Bolu Pandan Premium", "Lebih lembut", 2, Now);
        revision.Photos.Add(new ListingPhoto { PhotoId = 2, Position = 0, RevisionId = 99 });
        Assert.Throws<ListingRuleException>(() => listing.Revise("Lagi", "Lagi", 2, Now));
        listing.SubmitRevision(revision, Maker, Now);
        Assert.Equal("Bolu Pandan", listing.Title);
        Assert.True(listing.IsOnSale);

        var rejected = listing.RejectRevision(revision, Mentor, Now, "Judul berlebihan");
        Assert.Equal(AuditAction.RevisionRejected, rejected.Action);
        Assert.Equal("Bolu Pandan", listing.Title);
        Assert.Equal([1], listing.Photos.Select(p => p.PhotoId));

        listing.SubmitRevision(revision, Maker, Now);
        listing.ApproveRevision(revision, Mentor, Now);
        Assert.Equal(("Bolu Pandan Premium", "Lebih lembut", 2), (listing.Title, listing.Description, listing.CategoryId));
        Assert.Equal([2], listing.Photos.Select(p => p.PhotoId));
        Assert.All(listing.Photos, p => Assert.Null(p.RevisionId));
        Assert.Equal(RevisionStatus.Approved, revision.Status);
    }

    [Fact]
    public void A_listing_not_yet_on_sale_needs_no_revision()
    {
        Assert.Equal("NoRevisionNeeded", Assert.Throws<ListingRuleException>(() => Draft().Revise("x", "y", 1, Now)).Code);
    }
}
