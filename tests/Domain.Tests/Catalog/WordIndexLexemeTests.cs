using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

/// <summary>The word index reads a word's forms from PostgreSQL's tsquery text; anything but one lexeme goes to the database.</summary>
public class WordIndexLexemeTests
{
    [Theory]
    [InlineData("'kue'", "kue")]
    [InlineData("'makan'", "makan")]
    [InlineData("'123abc'", "123abc")]
    [InlineData("'日本語'", "日本語")]
    public void One_quoted_lexeme_is_read(string tsquery, string lexeme) => Assert.Equal(lexeme, WordIndex.Lexeme(tsquery));

    [Theory]
    [InlineData("")] // a stop word: no lexeme
    [InlineData("''")]
    [InlineData("'a' & 'b'")]
    [InlineData("'a' <-> 'b'")]
    [InlineData("'it''s'")]
    [InlineData("'tas':*")]
    [InlineData("kue")]
    public void Anything_else_is_not(string tsquery) => Assert.Null(WordIndex.Lexeme(tsquery));
}
