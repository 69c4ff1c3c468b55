using System.Text;
using System.Text.RegularExpressions;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;
using Dossier.Web.Pages;

namespace Dossier.Web.Tests;

/// <summary>
/// The HTML brief and the web's story page show a story through one renderer (<see cref="StoryHtml"/>): the same
/// markup, apart from what the options say differs (links to the server, the title's heading level) and the
/// sentences around each evidence sentence, which only the web holds the article text for.
/// </summary>
public sealed partial class StoryRenderingTests : IDisposable
{
    private readonly StoreFiles files = new StoreFiles()
        .File("harbour-a.txt", Reports.HarbourA).File("harbour-b.txt", Reports.HarbourB)
        .File("hostile-a.txt", Reports.Hostile).File("hostile-b.txt", Reports.HostileB)
        .File("rounds.jsonl", Dossier.Testing.SeriesReports.Jsonl());

    public void Dispose() => files.Dispose();

    private (AnalysisResult Result, string Brief) Analyze()
    {
        var result = DossierPipeline.Default.Analyze(new InputReader().Read([files.Input]), cancellationToken: TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        new HtmlBriefWriter().Write(result, stream);
        return (result, Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string WebPage(AnalysisResult result, Story story) =>
        PageRenderer.StoryPage(story, result.Articles, result.Series.FirstOrDefault(s => s.Stories.Any(e => e.StoryId == story.Id)));

    /// <summary>The story's <c>&lt;article&gt;</c> element in a page.</summary>
    private static string StoryElement(string page, Story story)
    {
        var start = page.IndexOf($"<article class=\"story\" id=\"story-{story.Id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "story " + story.Id + " is on the page");
        return page[start..(page.IndexOf("</article>", start, StringComparison.Ordinal) + "</article>".Length)];
    }

    /// <summary>What may differ between the two pages taken out: links (kept as their text), heading levels, the evidence's surroundings.</summary>
    private static string WithoutPageDifferences(string story) =>
        Blockquotes().Replace(Headings().Replace(Links().Replace(story, ""), "<${1}h>"), "${1}</blockquote>");

    [Fact]
    public void The_brief_and_the_web_page_write_every_story_with_the_same_markup()
    {
        var (result, brief) = Analyze();
        Assert.True(result.Stories.Length >= 4, $"{result.Stories.Length} stories");
        Assert.Contains(result.Stories, s => result.Series.Any(r => r.Stories.Any(e => e.StoryId == s.Id)));
        foreach (var story in result.Stories)
        {
            var inBrief = StoryElement(brief, story);
            var onWeb = StoryElement(WebPage(result, story), story);

            // Claim summaries and the coverage matrix hold no link to the server: byte for byte the same.
            Assert.Equal(Summaries().Matches(inBrief).Select(m => m.Value), Summaries().Matches(onWeb).Select(m => m.Value));
            Assert.Equal(Coverage().Match(inBrief).Value, Coverage().Match(onWeb).Value);
            Assert.Equal(WithoutPageDifferences(inBrief), WithoutPageDifferences(onWeb));

            // And the differences are the ones asked for: the web links its reports, the brief links nothing outside itself.
            Assert.Contains("<a class=\"article-link\" href=\"/articles/", onWeb, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/", inBrief, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Script_payloads_in_reports_are_text_in_the_brief_and_on_the_web_page()
    {
        var (result, brief) = Analyze();
        var lakeside = result.Stories.Single(s => s.Title.Contains("Lakeside", StringComparison.Ordinal) || s.Title.Contains("Budget", StringComparison.Ordinal));
        Assert.NotEmpty(lakeside.Claims);
        Reports.AssertInert(StoryElement(brief, lakeside));
        Reports.AssertInert(WebPage(result, lakeside));
    }

    [Fact]
    public void The_same_input_gives_the_same_brief_and_page_bytes()
    {
        var (first, firstBrief) = Analyze();
        var (second, secondBrief) = Analyze();
        Assert.Equal(firstBrief.Replace(StatusNames.Iso(first.GeneratedAt)!, "", StringComparison.Ordinal), secondBrief.Replace(StatusNames.Iso(second.GeneratedAt)!, "", StringComparison.Ordinal));
        Assert.Equal(first.Stories.Select(s => WebPage(first, s)), second.Stories.Select(s => WebPage(second, s)));
    }

    [GeneratedRegex("<summary>.*?</summary>")]
    private static partial Regex Summaries();

    [GeneratedRegex("<table class=\"coverage\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Coverage();

    [GeneratedRegex("</?a\\b[^>]*>")]
    private static partial Regex Links();

    [GeneratedRegex("<(/?)h[1-6]>")]
    private static partial Regex Headings();

    [GeneratedRegex("(<blockquote[^>]*>).*?</blockquote>", RegexOptions.Singleline)]
    private static partial Regex Blockquotes();
}
