namespace PasKreatif.Domain.Tests;

public class SlugTests
{
    [Theory]
    [InlineData("Kue Lapis Légit!", "kue-lapis-legit")]
    [InlineData("  Tas  Daur--Ulang  ", "tas-daur-ulang")]
    [InlineData("Parsel & Suvenir", "parsel-suvenir")]
    [InlineData("<script>", "script")]
    [InlineData("!!!", "item")]
    public void Slugs_are_lower_case_ascii_words(string text, string expected) => Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void Slugs_stop_at_the_length_limit() => Assert.True(Slugs.From(new string('a', 500)).Length <= 80);
}
