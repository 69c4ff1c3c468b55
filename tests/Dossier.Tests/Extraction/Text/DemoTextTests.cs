using Dossier.Extraction;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Testing;

namespace Dossier.Tests.Extraction.Text;

/// <summary>The plain-text reports of our demo corpus (samples/demo, our own writing).</summary>
public class DemoTextTests
{
    private static Article Extract(string prefix)
    {
        var path = Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "samples", "demo"), prefix + "*.txt").Single();
        var item = Assert.Single(new InputReader().Read([path]));
        var outcome = TextArticleExtractor.Extract(item.Document!);
        Assert.Null(outcome.Error);
        return outcome.Article!;
    }

    [Fact]
    public void A_syndicated_copy_inside_other_chrome_extracts_to_the_same_body_as_the_original()
    {
        var original = Extract("01-");
        var copy = Extract("02-");
        Assert.Equal(original.Text, copy.Text);
        Assert.Equal("Highland Tribune", original.Metadata.Credit);
        Assert.Equal("Highland Tribune/PAW", copy.Metadata.Credit);
        Assert.Single(copy.Metadata.Captions);
        Assert.Contains(copy.Removed, r => r.Reason == "share-prompt");
        Assert.Equal("related-heading", copy.Removed[^1].Reason);
    }

    [Fact]
    public void A_byline_before_the_dateline_gives_the_author()
    {
        var article = Extract("01-");
        Assert.Equal(["Wanjiru Otieno"], article.Metadata.Authors);
        Assert.Equal("ARUSHA", article.Metadata.Dateline);
    }

    [Fact]
    public void Every_demo_text_has_a_dateline_and_a_credit_and_keeps_its_last_sentence_whole()
    {
        foreach (var prefix in new[] { "03-", "04-", "06-", "07-", "08-", "10-", "11-", "12-" })
        {
            var article = Extract(prefix);
            Assert.NotNull(article.Metadata.Dateline);
            Assert.Equal(article.Metadata.Dateline, article.Metadata.DatelineSpan!.Value.Of(article.Text));
            Assert.NotNull(article.Metadata.Credit);
            Assert.DoesNotContain(article.Metadata.Credit!, article.Text[^60..], StringComparison.Ordinal);
            Assert.EndsWith(".", article.Text, StringComparison.Ordinal);
        }
    }
}
