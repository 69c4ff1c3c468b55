using System.Text;
using Dossier.Output;
using Dossier.Reading;

namespace Dossier.Tests.Output;

/// <summary>The Markdown brief reads as an analyst's summary: no footnote per sentence, outlets by name, a timeline.</summary>
public class MarkdownBriefTests
{
    private static string DemoBrief()
    {
        using var stream = new MemoryStream();
        DossierPipeline.Default.Run(new InputReader().ReadDemo(), new MarkdownBriefWriter().CreateSink(stream), cancellationToken: TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_demo_brief_has_a_summary_conflicts_first_a_timeline_and_no_footnotes()
    {
        var brief = DemoBrief();
        Assert.DoesNotContain("[^", brief, StringComparison.Ordinal);
        Assert.Contains("- **Key facts:**", brief, StringComparison.Ordinal);
        Assert.Contains("### Timeline of reports", brief, StringComparison.Ordinal);
        var quake = brief[brief.IndexOf("## Earthquake", StringComparison.Ordinal)..];
        Assert.True(quake.IndexOf("### Conflicts", StringComparison.Ordinal) < quake.IndexOf("### Corroborated", StringComparison.Ordinal));
        Assert.True(quake.IndexOf("### Corroborated", StringComparison.Ordinal) < quake.IndexOf("### Single source", StringComparison.Ordinal));
        Assert.True(brief.Split('\n').Length < 400, "the demo brief stays short");
    }
}
