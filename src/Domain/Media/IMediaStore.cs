namespace PasKreatif.Media;

/// <summary>Where processed photos and private originals live: a folder, or an S3-compatible bucket.</summary>
public interface IMediaStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default);
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);
    Task<bool> ExistsAsync(string key, CancellationToken ct = default);
}

/// <summary>Media settings (section "Media"): <c>Root</c> for the file-system store, <c>Store</c> = FileSystem or S3, <c>S3:*</c>.</summary>
public sealed class MediaOptions : ISettingGroup
{
    public const string Section = "Media";
    public const string FileSystem = "FileSystem";
    public const string S3Store = "S3";

    public string Root { get; set; } = "";
    public string Store { get; set; } = FileSystem;
    public S3MediaOptions S3 { get; set; } = new();

    public bool UsesS3 => Store.Equals(S3Store, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string?> Problems(string section) =>
    [
        UsesS3 || Store.Equals(FileSystem, StringComparison.OrdinalIgnoreCase) ? null : $"{section}:Store is '{Store}': use {FileSystem} or {S3Store}.",
        UsesS3 && string.IsNullOrWhiteSpace(S3.Bucket) ? $"{section}:Store is S3 but {section}:S3:Bucket is not set." : null,
        UsesS3 ? Settings.WebAddress($"{section}:S3:ServiceUrl", S3.ServiceUrl) : null,
    ];
}

/// <summary>Keys are relative paths under <see cref="MediaOptions.Root"/>; writes are atomic by rename.</summary>
public sealed class FileSystemMediaStore(MediaOptions options) : IMediaStore
{
    readonly string root = Path.GetFullPath(options.Root);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content.ToArray(), ct);
        File.Move(temp, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        // A key can never climb out of the media folder.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Invalid media key.", nameof(key));
        return path;
    }
}
