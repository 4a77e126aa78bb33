using System.Xml.Linq;

namespace PasKreatif.Integration.Tests.Localization;

public class ResourceParityTests
{
    public static TheoryData<string> NeutralFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.')))
            data.Add(Path.GetRelativePath(RepositoryRoot(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void Every_text_exists_in_Indonesian_and_English(string neutral)
    {
        var indonesian = Keys(Path.Combine(RepositoryRoot(), neutral));
        var english = Keys(Path.Combine(RepositoryRoot(), Path.ChangeExtension(neutral, ".en.resx")));
        Assert.NotEmpty(indonesian);
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    [Theory]
    [InlineData("Storefront")]
    [InlineData("Admin")]
    public void Every_resource_key_a_page_uses_exists(string project)
    {
        // A key used through any localizer (T["..."], text["..."]) must exist in one of the project's resource files.
        var folder = Path.Combine(RepositoryRoot(), "src", project);
        var keys = Directory.GetFiles(Path.Combine(folder, "Resources"), "*.resx").Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.'))
            .SelectMany(Keys).ToHashSet();
        var used = Directory.GetFiles(folder, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\b(?:T|text)\[""([A-Za-z.]+)""\]").Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.'))
            .ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(keys));
    }

    static HashSet<string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }
}
