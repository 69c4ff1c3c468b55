using Dossier.Extraction.Html;

namespace Dossier.Tests.Extraction.Html;

public sealed class BoilerplatePhrasesTests
{
    [Fact]
    public void Exact_and_prefix_phrases_match_short_blocks_only()
    {
        var phrases = BoilerplatePhrases.Parse(["# comment", "exact\tadvertisement\tadvertisement", "prefix\tread more:\trelated-links"]);

        Assert.Equal("advertisement", phrases.Match("  Advertisement "));
        Assert.Equal("related-links", phrases.Match("Read more: council budget"));
        Assert.Null(phrases.Match("Advertisement revenue fell by a third this year, the company said."));
        Assert.Null(phrases.Match("Read more: " + new string('x', BoilerplatePhrases.MaxLength)));
    }

    [Fact]
    public void Contains_phrases_match_anywhere_in_a_short_block()
    {
        var phrases = BoilerplatePhrases.Parse(["contains\taffiliate link\tadvertisement"]);

        Assert.Equal("advertisement", phrases.Match("Anzeige, enthält Affiliate Links"));
        Assert.Null(phrases.Match("Anzeige"));
    }

    [Theory]
    [InlineData("u\u0308ber", "\u00FCber")] // decomposed umlaut composed
    [InlineData("\u09AF\u09BC", "\u09AF\u09BC")] // Bengali YYA stays two code points in NFC
    [InlineData("\u09DF", "\u09AF\u09BC")] // and its one-code-point spelling becomes them
    [InlineData("\u212B", "\u00C5")] // ANGSTROM SIGN is A with ring above
    [InlineData("e\u0323\u0302", "\u1EC7")] // two marks, composed in turn
    [InlineData("plain ascii", "plain ascii")]
    public void Body_text_is_composed_to_NFC_without_ICU(string text, string expected)
    {
        Assert.Equal(expected, UnicodeComposition.Compose(text));
    }

    [Fact]
    public void Malformed_lines_are_rejected()
    {
        Assert.Throws<FormatException>(() => BoilerplatePhrases.Parse(["exact advertisement"]));
        Assert.Throws<FormatException>(() => BoilerplatePhrases.Parse(["suffix\tx\ty"]));
    }

    [Fact]
    public void Shipped_phrases_load()
    {
        Assert.Equal("advertisement", BoilerplatePhrases.Default.Match("Advertisement"));
    }
}
