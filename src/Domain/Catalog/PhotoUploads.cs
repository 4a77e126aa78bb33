using Hangfire;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// A maker's photo upload: the header is checked at once (a refusal saves nothing), the heavy work
/// runs in <see cref="PhotoUploadJob"/>, and the page follows the upload's state by its id.
/// </summary>
public sealed class PhotoUploads(MarketplaceDb db, ListingGallery gallery, IBackgroundJobClient jobs, TimeProvider clock)
{
    public Task<PhotoUpload> StartAsync(int makerId, int listingId, byte[] content, CancellationToken ct = default) => StartAsync(makerId, listingId, content, null, ct);

    /// <summary>As above, under a chosen id: the outbox's, so the same photo sent twice is one upload.</summary>
    public async Task<PhotoUpload> StartAsync(int makerId, int listingId, byte[] content, Guid? id, CancellationToken ct = default)
    {
        await gallery.EnsureRoomAsync(makerId, listingId, ct);
        PhotoRules.Inspect(content);
        var now = clock.GetUtcNow();
        var upload = new PhotoUpload
        {
            Id = id ?? Guid.NewGuid(), MakerId = makerId, ListingId = listingId, State = PhotoUploadState.Queued,
            Content = content, CreatedAt = now, UpdatedAt = now,
        };
        db.PhotoUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<PhotoUploadJob>(job => job.RunAsync(upload.Id, CancellationToken.None));
        return upload;
    }

    /// <summary>The upload as its maker sees it; another maker's id finds nothing.</summary>
    public Task<PhotoUploadStatus?> StatusAsync(int makerId, Guid uploadId, CancellationToken ct = default) =>
        db.PhotoUploads.Where(u => u.Id == uploadId && u.MakerId == makerId)
            .Select(u => new PhotoUploadStatus(u.Id, u.ListingId, u.State, u.Progress, u.Problem))
            .SingleOrDefaultAsync(ct);
}

public sealed record PhotoUploadStatus(Guid Id, int ListingId, PhotoUploadState State, int Progress, PhotoProblem Problem)
{
    public bool Finished => State is PhotoUploadState.Done or PhotoUploadState.Refused;
}

/// <summary>Decodes, checks and stores one upload, then adds it to the gallery; the bytes are dropped either way.</summary>
public sealed class PhotoUploadJob(MarketplaceDb db, PhotoPipeline pipeline, ListingGallery gallery, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid uploadId, CancellationToken ct)
    {
        var upload = await db.PhotoUploads.SingleOrDefaultAsync(u => u.Id == uploadId, ct);
        if (upload is null || upload.Content is null || upload.State is PhotoUploadState.Done or PhotoUploadState.Refused) return;
        await SetAsync(upload, PhotoUploadState.Processing, 10, ct);
        try
        {
            var stored = await pipeline.StoreAsync(upload.Content, ct);
            await SetAsync(upload, PhotoUploadState.Processing, 80, ct);
            var photo = await db.Photos.SingleOrDefaultAsync(p => p.Hash == stored.Hash, ct);
            if (photo is null)
            {
                var personId = await db.Makers.Where(m => m.Id == upload.MakerId).Select(m => m.PersonId).SingleAsync(ct);
                photo = new Photo
                {
                    Hash = stored.Hash, Width = stored.Width, Height = stored.Height, OriginalKey = stored.OriginalKey,
                    UploadedById = personId, CreatedAt = clock.GetUtcNow(),
                };
                db.Photos.Add(photo);
                await db.SaveChangesAsync(ct);
            }
            await gallery.AddAsync(upload.MakerId, upload.ListingId, photo.Id, ct);
            upload.PhotoId = photo.Id;
            upload.Content = null;
            await SetAsync(upload, PhotoUploadState.Done, 100, ct);
        }
        catch (PhotoRefusedException e)
        {
            upload.Problem = e.Problem;
            upload.Content = null;
            await SetAsync(upload, PhotoUploadState.Refused, 100, ct);
        }
        catch (ListingRuleException)
        {
            // The listing changed meanwhile (archived, in review, full): the photo stays out of it.
            upload.Problem = PhotoProblem.ListingChanged;
            upload.Content = null;
            db.ChangeTracker.Entries().Where(e => e.Entity is not PhotoUpload and not Photo).ToList().ForEach(e => e.State = EntityState.Detached);
            await SetAsync(upload, PhotoUploadState.Refused, 100, ct);
        }
    }

    async Task SetAsync(PhotoUpload upload, PhotoUploadState state, int progress, CancellationToken ct)
    {
        upload.State = state;
        upload.Progress = progress;
        upload.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
