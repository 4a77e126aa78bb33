namespace PasKreatif.Storefront.Hosting;

/// <summary>Finds the repository's shared top-level wwwroot, or the published copy beside the binaries.</summary>
static class SharedWebRoot
{
    public static string Locate()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(published)) return published;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        throw new DirectoryNotFoundException("The shared wwwroot folder was not found beside the binaries or above " + Directory.GetCurrentDirectory());
    }
}
