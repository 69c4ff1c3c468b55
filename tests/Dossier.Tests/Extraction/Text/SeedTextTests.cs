using Dossier.Extraction;
using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Extraction.Text;

/// <summary>The bars of the reading issue on the two seed reports (read at run time, never copied).</summary>
[Trait("Category", SharedData.Category)]
public class SeedTextTests
{
    private static (string Raw, Article Article) Extract(string prefix)
    {
        var folder = SharedData.Require("seeds");
        var path = Directory.GetFiles(folder, prefix + "*.txt").Single();
        var raw = File.ReadAllText(path);
        var outcome = TextArticleExtractor.Extract(new SourceDocument(path, null, DocumentKind.Text, raw, SourceHints.None));
        Assert.NotNull(outcome.Article);
        return (raw, outcome.Article);
    }

    [Fact]
    public void Seed_000_keeps_every_article_paragraph_and_drops_everything_from_the_share_prompt_on()
    {
        var (raw, article) = Extract("000_");
        var lines = raw.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim().Trim('\u00A0').Trim()).ToList();
        var share = lines.FindIndex(l => l.StartsWith("Follow us on", StringComparison.Ordinal));
        Assert.True(share > 0, "the seed's share prompt was not found: the seed changed");
        var dateline = lines.FindIndex(l => l.StartsWith("BEIJING:", StringComparison.Ordinal));

        // Every paragraph is kept; the syndication credit closing the last one is cut and recorded.
        foreach (var line in lines[dateline..share].Where(l => l.Length > 0))
        {
            var paragraph = line.EndsWith(" - Dawn/ANN", StringComparison.Ordinal) ? line[..^" - Dawn/ANN".Length] : line;
            Assert.Contains(paragraph, article.Text, StringComparison.Ordinal);
        }

        Assert.Contains(article.Removed, r => r.Reason == "credit" && r.Text == "- Dawn/ANN");

        foreach (var line in lines[share..].Where(l => l.Length > 0))
        {
            Assert.DoesNotContain(line, article.Text, StringComparison.Ordinal);
            Assert.Contains(article.Removed, r => r.Text == line);
        }
    }

    [Fact]
    public void Seed_000_has_its_title_dateline_BEIJING_and_credit_Dawn_ANN()
    {
        var (raw, article) = Extract("000_");
        var firstLine = raw.Replace("\r\n", "\n").Split('\n')[0].Trim();
        Assert.Equal(firstLine, article.Metadata.Title);
        Assert.Equal("BEIJING", article.Metadata.Dateline);
        Assert.Equal("BEIJING", article.Metadata.DatelineSpan!.Value.Of(article.Text));
        Assert.Equal("Dawn/ANN", article.Metadata.Credit);
        Assert.Single(article.Metadata.Captions);
        Assert.DoesNotContain("Dawn/ANN", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_001_has_dateline_ISLAMABAD()
    {
        var (_, article) = Extract("001_");
        Assert.Equal("ISLAMABAD", article.Metadata.Dateline);
        Assert.Equal("ISLAMABAD", article.Metadata.DatelineSpan!.Value.Of(article.Text));
        Assert.StartsWith("ISLAMABAD: ", article.Text, StringComparison.Ordinal);
        Assert.Empty(article.Removed);
    }
}
