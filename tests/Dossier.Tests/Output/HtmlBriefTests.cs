using System.Text;
using Dossier.Model;
using Dossier.Output;

namespace Dossier.Tests.Output;

/// <summary>The HTML brief and the web pages escape with one escaper: markup in an article stays characters.</summary>
public class HtmlBriefTests
{
    [Fact]
    public void The_one_escaper_turns_markup_into_characters_and_keeps_other_letters()
    {
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Zürich&quot; \uFFFD", HtmlText.Escape("<script>alert('x')</script> & \"Zürich\" \0"));
    }

    [Fact]
    public void A_script_payload_in_a_report_reaches_the_html_brief_as_text()
    {
        // Our own report, with a payload where an article's text goes.
        const string text = "PORTVALE, March 3 - The harbour council approved the dredging plan on Tuesday. <script>alert(1)</script> The vote was 7 to 2.";
        var document = new SourceDocument("payload.txt", null, DocumentKind.Text, text, SourceHints.None);
        using var stream = new MemoryStream();
        DossierPipeline.Default.Run([new ReadItem(document, null)], new HtmlBriefWriter().CreateSink(stream), cancellationToken: TestContext.Current.CancellationToken);
        var html = Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
