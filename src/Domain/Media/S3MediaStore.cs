using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PasKreatif.Media;

/// <summary>Where photos live when several instances share them: <c>Media:Store=S3</c> and <c>Media:S3:*</c>.</summary>
public sealed class S3MediaOptions
{
    /// <summary>An S3-compatible endpoint (MinIO, s3rver, a cloud's); empty means AWS itself, by <see cref="Region"/>.</summary>
    public string ServiceUrl { get; init; } = "";
    public string Bucket { get; init; } = "";
    public string Region { get; init; } = "us-east-1";
    /// <summary>Empty keys fall back to the SDK's own chain (AWS_ACCESS_KEY_ID, instance roles); never in the repository.</summary>
    public string AccessKey { get; init; } = "";
    public string SecretKey { get; init; } = "";

    public IAmazonS3 CreateClient()
    {
        var config = new AmazonS3Config
        {
            // Checksums only where S3 demands them: compatible servers differ in what trailing checksums they accept.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (ServiceUrl.Length > 0)
        {
            config.ServiceURL = ServiceUrl;
            config.ForcePathStyle = true; // compatible servers rarely resolve bucket sub-domains
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region);
        }
        return AccessKey.Length > 0 ? new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), config) : new AmazonS3Client(config);
    }
}

/// <summary>Keys are object names in one bucket; the same keys as the file-system store, so the /media route serves both.</summary>
public sealed class S3MediaStore(IAmazonS3 s3, S3MediaOptions options) : IMediaStore
{
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
    {
        Check(key);
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            // Over plain HTTP the SDK would stream-sign in chunks, which some compatible servers store verbatim.
            UseChunkEncoding = false,
        }, ct);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        Check(key);
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = options.Bucket, Key = key }, ct);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        Check(key);
        try
        {
            await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = options.Bucket, Key = key }, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>The file-system store's rule: a key is a relative path that never climbs.</summary>
    static void Check(string key)
    {
        if (key.Length == 0 || key.StartsWith('/') || key.Contains('\\') || key.Split('/').Any(part => part is "" or "." or ".."))
            throw new ArgumentException("Invalid media key.", nameof(key));
    }

    /// <summary>The object's body; disposing it releases the HTTP response too.</summary>
    sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        readonly Stream inner = response.ResponseStream;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }
}
