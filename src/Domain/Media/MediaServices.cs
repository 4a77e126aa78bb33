using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Media;

public static class MediaServices
{
    /// <summary>Media settings, the store they choose (<c>Media:Store</c> = FileSystem, the default, or S3) and the photo pipeline.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MediaOptions>(configuration, MediaOptions.Section).PostConfigure(o =>
        {
            if (string.IsNullOrWhiteSpace(o.Root)) o.Root = Path.Combine(AppContext.BaseDirectory, "media");
            if (string.IsNullOrWhiteSpace(o.Store)) o.Store = MediaOptions.FileSystem;
        });
        services.AddSingleton(s => s.GetRequiredService<MediaOptions>().S3);
        services.AddSingleton<IAmazonS3>(s => s.GetRequiredService<S3MediaOptions>().CreateClient());
        services.AddSingleton<IMediaStore>(s => s.GetRequiredService<MediaOptions>().UsesS3
            ? new S3MediaStore(s.GetRequiredService<IAmazonS3>(), s.GetRequiredService<S3MediaOptions>())
            : new FileSystemMediaStore(s.GetRequiredService<MediaOptions>()));
        services.AddSingleton<PhotoPipeline>();
        return services;
    }
}
