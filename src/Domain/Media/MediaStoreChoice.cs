using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Media;

/// <summary>Chooses the media store by configuration: <c>Media:Store</c> = <c>FileSystem</c> (default) or <c>S3</c>.</summary>
public static class MediaStoreChoice
{
    public static IServiceCollection AddMediaStore(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration["Media:Store"] is { Length: > 0 } k ? k : "FileSystem";
        if (kind.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = configuration.GetSection("Media:S3").Get<S3MediaOptions>() ?? new S3MediaOptions();
            if (s3.Bucket.Length == 0) throw new InvalidOperationException("Media:Store is S3 but Media:S3:Bucket is not set.");
            services.AddSingleton(s3);
            services.AddSingleton<IAmazonS3>(_ => s3.CreateClient());
            services.AddSingleton<IMediaStore, S3MediaStore>();
        }
        else if (kind.Equals("FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        }
        else
        {
            throw new InvalidOperationException($"Media:Store is '{kind}': use FileSystem or S3.");
        }
        return services;
    }
}
