using System.Text.RegularExpressions;
using Dossier.Model;
using Dossier.Output;

namespace Dossier.Tests.Output;

/// <summary>The one story renderer: escaping by default, links only where a page asks for them, the same bytes for the same story.</summary>
public partial class StoryHtmlTests
{
    private const string Payload = "<script>alert('x')</script>";

    private static readonly StoryHtmlOptions Linked = new()
    {
        ReportHref = (article, claim, sentence) => $"/articles/{article}?claim={claim}#s{sentence}",
        StoryHref = id => "/stories/" + id,
    };

    /// <summary>A story with a script payload in every field that comes from an article or the fuser.</summary>
    private static (Story Story, Dictionary<string, StoryReport> Reports, StorySeriesRecord Series) Hostile()
    {
        var evidence = new Evidence("a1", 0, new TextSpan(0, 10), "Said " + Payload);
        var story = new Story
        {
            Id = "s1",
            Title = "Title " + Payload,
            ArticleIds = ["a1", "a2"],
            Sources = [new SourceGroup("x", ["a1"]), new SourceGroup("y", ["a2"])],
            Location = "Place " + Payload,
            Participants = [new Participant("Name " + Payload, ["Title " + Payload], "ACT" + Payload)],
            Claims =
            [
                new Claim("c1", "Claim " + Payload, "Topic " + Payload, ClaimStatus.Corroborated, 2, [evidence], new ClaimEvent("SRC" + Payload, "040", "TGT", 1, "verbal")),
                new Claim("c2", "Other " + Payload, null, ClaimStatus.SingleSource, 1, [evidence], null),
            ],
            Conflicts = [new Conflict("About " + Payload, [new ConflictValue("Value " + Payload, [evidence])])],
            Coverage = [new CoverageRow("Outlet " + Payload, ["a1"], ["c1", "c2"]), new CoverageRow("y", ["a2"], ["c1"])],
        };
        var reports = new Dictionary<string, StoryReport>(StringComparer.Ordinal)
        {
            ["a1"] = new("Outlet " + Payload, "Report " + Payload),
            ["a2"] = new("Second", "Report two"),
        };
        var series = new StorySeriesRecord("r", "Series " + Payload, [new SeriesEntry("s0", "Before " + Payload, null, "Where " + Payload, 1), new SeriesEntry("s1", story.Title, null, null, 2)])
        {
            Next = new AnnouncedOccurrence("2027", "Next " + Payload, 3, "s1", ["a1"]),
        };
        return (story, reports, series);
    }

    private static string Render(StoryHtmlOptions options)
    {
        var (story, reports, series) = Hostile();
        var html = new HtmlWriter();
        StoryHtml.Write(html, story, reports, series, options);
        return html.ToString();
    }

    [Fact]
    public void The_writer_escapes_text_and_attributes_and_writes_only_markup_as_it_is()
    {
        var html = new HtmlWriter().Markup("<p").Attribute("title", "\"><b>").Markup(">").Text(Payload).Number(-3).Markup("</p>").ToString();
        Assert.Equal("<p title=\"&quot;&gt;&lt;b&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;-3</p>", html);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_script_payload_in_any_field_of_a_story_is_text_with_and_without_links(bool linked)
    {
        var html = Render(linked ? Linked : new StoryHtmlOptions());
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        // Every payload reached the page, escaped: title (twice), place, name, titles, actor, topic, claims, evidence
        // (three times), conflict, value, outlets, report names, series name, neighbour and its place, announced place.
        Assert.True(Regex.Count(html, Regex.Escape("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")) >= 20, html);
    }

    [Fact]
    public void Without_links_a_story_points_nowhere_but_inside_itself()
    {
        var html = Render(new StoryHtmlOptions());
        Assert.All(Hrefs().Matches(html), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.Contains("href=\"#claim-s1-c1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"claim-s1-c1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void With_links_reports_claims_and_series_neighbours_open_their_pages()
    {
        var html = Render(Linked);
        Assert.Contains("<a class=\"article-link\" href=\"/articles/a1?claim=#s\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/a1?claim=c1#s0\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"series-link\" rel=\"prev\" href=\"/stories/s0\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"series-announced\" href=\"/articles/a1?claim=#s\">announced</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_story_gives_the_same_bytes_and_sections_follow_the_title_level()
    {
        Assert.Equal(Render(Linked), Render(Linked));
        var brief = Render(new StoryHtmlOptions { TitleLevel = 2 });
        Assert.Contains("<h2>Title ", brief, StringComparison.Ordinal);
        Assert.Contains("<h3>Claims</h3>", brief, StringComparison.Ordinal);
        Assert.Contains("<h4>Topic ", brief, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_matrix_counts_per_outlet_its_reports_its_claims_and_those_only_it_carried()
    {
        var html = Render(new StoryHtmlOptions());
        Assert.Contains("<tr><th>Reports</th><td>1</td><td>1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Claims carried</th><td>2</td><td>1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Only this outlet</th><td>1</td><td>0</td></tr>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();
}
