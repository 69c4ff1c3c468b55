using System.Text;
using Dossier.Extraction;
using Dossier.Extraction.Html;
using Dossier.Model;

namespace Dossier.Tests.Extraction.Html;

/// <summary>
/// Pages shaped to make a parser or a tree walk super-linear. Each must finish; the budget below is only a
/// guard against a hang (these run in about a second, see docs/EVALUATION.md), not a timing assertion.
/// </summary>
public class HostilePageTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static ExtractionOutcome ExtractWithin(string html)
    {
        var document = new SourceDocument("hostile.html", null, DocumentKind.Html, html, SourceHints.None);
        var task = Task.Run(() => new ArticleExtractor().Extract(document));
        Assert.True(task.Wait(Guard), "extraction did not finish within the guard");
        return task.Result;
    }

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    [Fact]
    public void Two_hundred_thousand_nested_divs_give_the_text_inside()
    {
        const int levels = 200_000;
        var html = "<html><body>" + Repeat("<div>", levels) + "<p>The council met on Monday, deep inside.</p>" + Repeat("</div>", levels) + "</body></html>";
        var outcome = ExtractWithin(html);
        Assert.Contains("The council met on Monday, deep inside.", outcome.Article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_nesting_gives_the_text_inside()
    {
        var html = "<html><body>" + Repeat("<span><div>", 100_000) + "<p>The council met on Monday, deep inside.</p></body></html>";
        var outcome = ExtractWithin(html);
        Assert.Contains("The council met on Monday, deep inside.", outcome.Article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_within_the_caps_is_passed_on_unchanged()
    {
        var html = "<html><body><div><p>One, two.</p><p>Three<br>four</div></body></html>";
        Assert.Same(html, NestingLimiter.Limit(html));
    }

    [Fact]
    public void Tags_past_the_depth_cap_are_flattened_and_their_text_kept()
    {
        var levels = NestingLimiter.MaxDepth + 50;
        var html = Repeat("<div>", levels) + "deep words" + Repeat("</div>", levels) + "<p>after</p>";
        var limited = NestingLimiter.Limit(html);
        Assert.Equal(NestingLimiter.MaxDepth, CountOf(limited, "<div>"));
        Assert.Equal(NestingLimiter.MaxDepth, CountOf(limited, "</div>"));
        Assert.Contains("deep words", limited, StringComparison.Ordinal);
        Assert.EndsWith("<p>after</p>", limited, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_past_the_element_cap_become_text()
    {
        var html = "<p>" + Repeat("<b>x</b> ", NestingLimiter.MaxElements + 1000) + "</p>";
        var limited = NestingLimiter.Limit(html);
        Assert.Equal(NestingLimiter.MaxElements - 1, CountOf(limited, "<b>"));
        Assert.Equal(NestingLimiter.MaxElements + 1000, CountOf(limited, "x"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
