namespace Dossier.Tests;

public class EmbeddedDataTests
{
    [Fact]
    public void Every_stage_reads_its_files_by_their_path_under_data()
    {
        Assert.Contains("the", EmbeddedData.Lines("fusion/stopwords.txt"));
        Assert.Contains(EmbeddedData.Rows("actors/countries.tsv", skipHeader: false), row => row[0] == "PAK");
        Assert.Contains("PAK", EmbeddedData.ReadAll("actors/countries.tsv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_lines()
    {
        var lines = EmbeddedData.Lines("chrome/caption.txt");
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.False(line.Length == 0 || line.TrimStart()[0] == '#' || line != line.TrimEnd()));
    }

    [Fact]
    public void A_file_that_is_not_embedded_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedData.Open("fusion/no-such-list.txt"));
        Assert.Contains("data/fusion/no-such-list.txt", error.Message, StringComparison.Ordinal);
    }
}

public class InSentenceChromeTests
{
    [Theory]
    [InlineData("Follow us on our channel for updates.", true)]
    [InlineData("Click HERE to read the full statement.", true)]
    [InlineData("The ministers agreed to follow up in March.", false)]
    public void A_sentence_holding_a_chrome_phrase_is_chrome_for_claims_and_titles(string sentence, bool chrome)
    {
        Assert.Equal(chrome, Dossier.Extraction.Text.ChromeRules.HoldsChromePhrase(sentence));
        Assert.Equal(chrome, Dossier.Fusion.Propositions.IsChrome(sentence));
    }
}
