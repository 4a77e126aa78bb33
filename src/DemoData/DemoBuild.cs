using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Demo;

sealed record DemoMaker(Maker Maker, Group Group, double Popularity);

/// <summary>The state one demo load shares between its steps; every random choice comes from one seed.</summary>
sealed class DemoBuild(DemoOptions options, DemoTier tier, DateTimeOffset now)
{
    public DemoTier Tier { get; } = tier;
    public string? Artwork { get; } = options.Artwork;
    public Random Random { get; } = new(options.Seed);
    public DateTimeOffset Anchor { get; } = options.AnchorDate is { } date
        ? new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : new(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
    public string PasswordHash { get; } = DemoPasswords.Hash(options.Password, new Random(options.Seed));
    public List<(Office Office, DemoCatalogue.OfficeSeed Seed)> Offices { get; } = [];
    public List<Group> Groups { get; } = [];
    public List<DemoMaker> Makers { get; } = [];
    public List<Person> BuyerAccounts { get; } = [];
    public Dictionary<int, Guid> MentorOfGroup { get; } = [];
    public List<DemoListing> Listings { get; } = [];

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public string PersonName() => $"{Pick(DemoCatalogue.FirstNames)} {Pick(DemoCatalogue.LastNames)}";

    /// <summary>A few makers sell much, most sell a little: a Pareto-like weight.</summary>
    public double Popularity() => Math.Pow(1 - Random.NextDouble(), -0.9);

    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public string NewToken()
    {
        var bytes = new byte[24];
        Random.NextBytes(bytes);
        return Invitation.Base64Url(bytes);
    }

    public Person NewPerson(string userName, string displayName, string? email) => new(displayName)
    {
        Id = NewGuid(),
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email?.ToUpperInvariant(),
        EmailConfirmed = email is not null,
        PasswordHash = PasswordHash,
        SecurityStamp = NewGuid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = NewGuid().ToString(),
        LockoutEnabled = true,
        CreatedAt = Anchor.AddDays(-Random.Next(400, 800)),
    };
}

static class DemoText
{
    static readonly string[] Openings =
    [
        "Saya mulai belajar di program ini dua tahun lalu.", "Dulu saya tidak pernah membayangkan punya usaha sendiri.",
        "Di kelompok ini saya menemukan teman dan keterampilan baru.", "Setiap karya saya buat dengan sabar dan teliti.",
    ];

    static readonly string[] Closings =
    [
        "Terima kasih sudah mendukung karya kami.", "Semoga karya saya bermanfaat untuk keluarga Anda.",
        "Sekarang saya bisa membantu ekonomi keluarga.", "Saya ingin membuka toko kecil di rumah.",
    ];

    public static string Story(DemoBuild build) => $"{build.Pick(Openings)} {build.Pick(Closings)}";

    public static string Description(DemoBuild build, string product, string programme) =>
        $"{product} buatan tangan anggota program {programme}.\n" +
        $"Dibuat dari bahan pilihan dan dikemas rapi.\n\n{build.Pick(Closings)}";
}
