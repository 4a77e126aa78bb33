using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PasKreatif.Integration.Tests.Localization;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>No secret is committed: Stripe and SMTP secrets come from configuration or the environment only.</summary>
public class SecretScanTests
{
    static readonly (string Name, Regex Pattern)[] Secrets =
    [
        ("Stripe live key", new(@"\b[sr]k_live_[0-9A-Za-z]{8,}")),
        ("Stripe test key", new(@"\b[sr]k_test_[0-9A-Za-z]{24,}")),
        ("Stripe webhook secret", new(@"\bwhsec_[0-9A-Za-z+/=]{24,}")),
        ("private key", new(@"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")),
        ("AWS access key", new(@"\bAKIA[0-9A-Z]{16}\b")),
        ("password in a URL", new(@"\b(smtps?|postgres(ql)?|amqp)://[^/\s:@]+:[^/\s@]{6,}@")),
        ("SMTP password setting", new(@"(?i)\bSmtp(__|:)Password\s*[=:]\s*[""']?[^\s""'$][^\s""']{3,}")),
    ];

    [Fact]
    public void No_tracked_file_holds_a_secret()
    {
        var root = ResourceParityTests.RepositoryRoot();
        var files = TrackedFiles(root);
        Assert.True(files.Count > 100, $"git listed only {files.Count} files");
        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000) continue;
            var text = File.ReadAllText(path);
            if (text.Contains('\0', StringComparison.Ordinal)) continue; // binary: photos, fonts
            foreach (var (name, pattern) in Secrets)
                foreach (Match match in pattern.Matches(text))
                    findings.Add($"{file}: {name} ({match.Value[..Math.Min(16, match.Value.Length)]}…)");
        }
        Assert.True(findings.Count == 0, "Move these to the environment or user secrets:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void The_scan_recognises_what_it_looks_for()
    {
        string[] samples =
        [
            "sk_live_" + new string('a', 24), "sk_test_" + new string('B', 99), "whsec_" + new string('c', 32),
            // Split so that this file itself holds nothing the scan would find.
            "-----BEGIN RSA " + "PRIVATE KEY-----", "smtp://toko:" + "rahasia-sekali@mail.example", "Smtp__" + "Password=rahasia123",
        ];
        foreach (var sample in samples) Assert.Contains(Secrets, s => s.Pattern.IsMatch(sample));
        // The tests' own fake keys are short and plainly fake.
        Assert.DoesNotContain(Secrets, s => s.Pattern.IsMatch("sk_test_fake_paskreatif") || s.Pattern.IsMatch("whsec_test_paskreatif"));
    }

    [Fact]
    public void Settings_files_leave_Stripe_and_SMTP_secrets_empty()
    {
        var root = ResourceParityTests.RepositoryRoot();
        var settings = TrackedFiles(root).Where(f => Regex.IsMatch(Path.GetFileName(f), @"^appsettings(\..+)?\.json$")).ToList();
        Assert.NotEmpty(settings);
        foreach (var file in settings)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, file)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            foreach (var (section, key) in new[] { ("Stripe", "SecretKey"), ("Stripe", "WebhookSecret"), ("Smtp", "Password"), ("Smtp", "User") })
                if (json.RootElement.TryGetProperty(section, out var s) && s.TryGetProperty(key, out var value))
                    Assert.True(value.GetString() is null or "", $"{file}: {section}:{key} must come from the environment, not the file");
        }
    }

    static List<string> TrackedFiles(string root)
    {
        var git = Process.Start(new ProcessStartInfo("git", "ls-files -z") { WorkingDirectory = root, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("git could not be started");
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
