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
