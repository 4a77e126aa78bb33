using Microsoft.AspNetCore.Identity;
using PasKreatif.Demo;
using PasKreatif.People;

namespace PasKreatif.Domain.Tests.Demo;

public class DemoPasswordTests
{
    [Fact]
    public void The_demo_hash_is_stable_and_Identity_accepts_it()
    {
        var first = DemoPasswords.Hash("PasKreatif-2026", new Random(2026));
        Assert.Equal(first, DemoPasswords.Hash("PasKreatif-2026", new Random(2026)));

        var hasher = new PasswordHasher<Person>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new Person(), first, "PasKreatif-2026"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new Person(), first, "PasKreatif-2025"));
    }

    [Fact]
    public void Tiers_are_found_by_name()
    {
        Assert.Same(DemoTier.Tiny, DemoTier.Parse("tiny"));
        Assert.Same(DemoTier.Bench, DemoTier.Parse(" BENCH "));
        Assert.Equal(100_000, DemoTier.Bench.Listings);
        Assert.Null(DemoTier.Parse("huge"));
    }
}
