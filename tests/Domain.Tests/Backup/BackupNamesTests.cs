using PasKreatif.Backup;

namespace PasKreatif.Domain.Tests.Backup;

public class BackupNamesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_dump_name_carries_its_utc_time()
    {
        var name = BackupNames.For(new DateTimeOffset(2026, 11, 24, 2, 30, 5, TimeSpan.FromHours(7)));
        Assert.Equal("paskreatif-20261123-193005.dump", name);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 30, 5, TimeSpan.Zero), BackupNames.TakenAt(name));
    }

    [Fact]
    public void Dumps_older_than_fourteen_days_expire_and_other_files_are_never_touched()
    {
        var names = new[]
        {
            BackupNames.For(Now.AddDays(-14).AddMinutes(-1)), BackupNames.For(Now.AddDays(-14)), BackupNames.For(Now.AddDays(-1)),
            "paskreatif-20261101-000000.dump.partial", "catatan.txt", "paskreatif-bukan-tanggal.dump",
        };
        Assert.Equal([names[0]], BackupNames.Expired(names, Now, 14));
    }
}
