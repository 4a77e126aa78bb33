using System.Diagnostics;
using System.Text.Json;
using PasKreatif.Integration.Tests.Localization;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// The W3C Nu Html Checker (vnu.jar from the npm package vnu-jar under tools/vnu) on Debian's Java: one
/// run over many pages, its errors named by the page they came from. ./test.sh installs both.
/// </summary>
public static class HtmlChecker
{
    public const string Java = "/usr/bin/java";

    public static string Jar => Path.Combine(ResourceParityTests.RepositoryRoot(), "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public sealed record Problem(string Page, int Line, string Message, string Extract)
    {
        public override string ToString() => $"{Page} line {Line}: {Message} [{Extract}]";
    }

    /// <summary>Every error vnu finds in the pages (name → HTML); an empty list when all are valid.</summary>
    public static async Task<IReadOnlyList<Problem>> CheckAsync(IReadOnlyDictionary<string, string> pages)
    {
        if (!File.Exists(Java)) throw new InvalidOperationException($"{Java} is missing: ./test.sh installs Debian's default-jre-headless.");
        if (!File.Exists(Jar)) throw new InvalidOperationException($"{Jar} is missing: ./test.sh runs npm ci in tools/vnu.");
        var folder = Directory.CreateTempSubdirectory("pk-vnu-");
        try
        {
            var byFile = new Dictionary<string, string>();
            var n = 0;
            foreach (var (name, html) in pages)
            {
                var file = Path.Combine(folder.FullName, $"page-{++n:D3}.html");
                await File.WriteAllTextAsync(file, html);
                byFile[file] = name;
            }
            var start = new ProcessStartInfo(Java) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-Xss1024k", "-jar", Jar, "--errors-only", "--format", "json", "--stdout" }.Concat(byFile.Keys)) start.ArgumentList.Add(arg);
            using var java = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
            var output = java.StandardOutput.ReadToEndAsync();
            var errors = java.StandardError.ReadToEndAsync();
            await java.WaitForExitAsync();
            var json = await output;
            if (json.Trim().Length == 0) throw new InvalidOperationException($"vnu printed nothing (exit {java.ExitCode}): {await errors}");

            using var report = JsonDocument.Parse(json);
            var problems = new List<Problem>();
            foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
            {
                var type = message.GetProperty("type").GetString();
                if (type == "info") continue; // notes, not errors
                var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                var path = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url; // "file:/tmp/…"
                problems.Add(new Problem(
                    byFile.GetValueOrDefault(path, path),
                    message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    $"{type}: {message.GetProperty("message").GetString()}",
                    message.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : ""));
            }
            // A run that failed without naming an error must not pass as "no errors".
            if (problems.Count == 0 && java.ExitCode != 0) throw new InvalidOperationException($"vnu exited {java.ExitCode} without errors: {await errors}");
            return problems;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
