using PasKreatif.Catalog;
using Xunit;

namespace PasKreatif.Domain.Tests.Catalog;

public class OfflineListingTests
{
    static readonly Guid Key = Guid.Parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");

    [Fact]
    public void A_photo_sent_again_under_its_key_gets_the_same_upload_id() =>
        Assert.Equal(OfflineListing.UploadId(7, Key), OfflineListing.UploadId(7, Key));

    [Fact]
    public void The_same_key_from_another_maker_names_another_upload() =>
        Assert.NotEqual(OfflineListing.UploadId(7, Key), OfflineListing.UploadId(8, Key));

    [Fact]
    public void Each_key_names_its_own_upload_and_never_the_key_itself()
    {
        var other = Guid.Parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4c");
        Assert.NotEqual(OfflineListing.UploadId(7, Key), OfflineListing.UploadId(7, other));
        Assert.NotEqual(Key, OfflineListing.UploadId(7, Key));
    }

    [Fact]
    public void An_upload_id_is_a_well_formed_uuid_version_8()
    {
        var text = OfflineListing.UploadId(7, Key).ToString();
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", true)]
    public void Only_a_real_key_is_a_key(string? key, bool accepted) =>
        Assert.Equal(accepted, OfflineListing.IsKey(key is null ? null : Guid.Parse(key)));
}
