namespace PasKreatif.Media;

public enum PhotoUploadState { Queued, Processing, Done, Refused }

/// <summary>
/// One photo a maker sent for a listing, while the job turns it into stored sizes. The bytes wait
/// here (not in the media store), so a refused file leaves no trace but this record and its reason.
/// </summary>
public class PhotoUpload
{
    public Guid Id { get; set; }
    public int MakerId { get; set; }
    public int ListingId { get; set; }
    public PhotoUploadState State { get; set; }
    public int Progress { get; set; }
    public PhotoProblem Problem { get; set; }
    public byte[]? Content { get; set; }
    public int? PhotoId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
