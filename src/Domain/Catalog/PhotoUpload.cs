using PasKreatif.Media;

namespace PasKreatif.Catalog;

public enum PhotoUploadState { Queued, Processing, Done, Refused }

/// <summary>
/// One photo a maker sent for a listing, while the job turns it into stored sizes. The bytes wait
/// here (not in the media store), so a refused file leaves no trace but this record and its reason.
/// </summary>
public class PhotoUpload
{
    public Guid Id { get; init; }
    public int MakerId { get; init; }
    public int ListingId { get; init; }
    public PhotoUploadState State { get; internal set; }
    public int Progress { get; internal set; }
    public PhotoProblem Problem { get; internal set; }
    public byte[]? Content { get; internal set; }
    public int? PhotoId { get; internal set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; internal set; }
}
