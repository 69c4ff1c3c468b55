using Dossier.Extraction.Text;

namespace Dossier.Tests.Extraction.Text;

public sealed class ChromePhrasesTests
{
    [Fact]
    public void Exact_and_prefix_phrases_match_short_blocks_only()
    {
        var phrases = ChromePhrases.Parse(["# comment", "exact\tadvertisement\tadvertisement", "prefix\tread more:\trelated-links"]);

        Assert.Equal("advertisement", phrases.Match("  Advertisement "));
        Assert.Equal("related-links", phrases.Match("Read more: council budget"));
        Assert.Null(phrases.Match("Advertisement revenue fell by a third this year, the company said."));
        Assert.Null(phrases.Match("Read more: " + new string('x', ChromePhrases.MaxLength)));
    }

    [Fact]
    public void Contains_phrases_match_anywhere_in_a_short_block()
    {
        var phrases = ChromePhrases.Parse(["contains\taffiliate link\tadvertisement"]);

        Assert.Equal("advertisement", phrases.Match("Anzeige, enthält Affiliate Links"));
        Assert.Null(phrases.Match("Anzeige"));
    }

    [Fact]
    public void Malformed_lines_are_rejected()
    {
        Assert.Throws<FormatException>(() => ChromePhrases.Parse(["exact advertisement"]));
        Assert.Throws<FormatException>(() => ChromePhrases.Parse(["suffix\tx\ty"]));
    }

    [Fact]
    public void Shipped_phrases_load()
    {
        Assert.Equal("advertisement", ChromePhrases.Default.Match("Advertisement"));
    }

    [Theory]
    [InlineData("Advertisement", "boilerplate")]
    [InlineData("Share on Twitter", "share-prompt")]
    [InlineData("Related Articles", "related-heading")]
    [InlineData("Image caption: the harbour at dawn", "caption")]
    [InlineData("Text size", "page-tools")]
    public void One_chrome_list_rule_families_first_then_phrases(string line, string reason) =>
        Assert.Equal(reason, ChromeRules.Classify(line));

    [Fact]
    public void Prefixes_keep_their_file_order_within_a_first_letter()
    {
        var phrases = ChromePhrases.Parse(["prefix\tread\tfirst", "prefix\tread more\tsecond", "prefix\tmore\tthird"]);

        Assert.Equal("first", phrases.Match("Read more: budget"));
        Assert.Equal("third", phrases.Match("More stories"));
        Assert.Null(phrases.Match("Later today"));
    }
}
