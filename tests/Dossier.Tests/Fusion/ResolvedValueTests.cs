using System.Text;
using System.Text.Json;
using Dossier.Fusion;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;

namespace Dossier.Tests.Fusion;

/// <summary>Days are compared as resolved values: weekdays against each report's own date.</summary>
public class ResolvedValueTests
{
    /// <summary>The reports annotated by the real per-article stages, fused as one story (grouping is not under test).</summary>
    private static Story Fuse(params (string Outlet, string Published, string Text)[] reports)
    {
        var jsonl = string.Join('\n', reports.Select(r => JsonSerializer.Serialize(new { url = "https://" + r.Outlet + "/a", title = "Minister visits the capital", published = r.Published, outlet = r.Outlet, text = r.Text })));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonl));
        var articles = DossierPipeline.Default.ProcessAll(new InputReader().Read("reports.jsonl", stream).ToList()).Select(x => x.Article).OfType<AnnotatedArticle>().ToList();
        return new ClaimFuser().Fuse(new StoryCluster("s1", [.. articles], [.. articles.Select(a => new SourceGroup(a.Article.Metadata.Outlet!, [a.Article.Id]))]));
    }

    [Fact]
    public void One_arrival_on_Tuesday_in_one_report_and_on_Thursday_in_another_is_a_date_conflict()
    {
        var story = Fuse(
            ("harbourtimes.example", "2026-05-15", "Foreign Minister Lena Okafor arrived in the capital on Tuesday for two days of talks on the river treaty."),
            ("valleypost.example", "2026-05-15", "Foreign Minister Lena Okafor arrived in the capital on Thursday for two days of talks on the river treaty."));
        Assert.Contains(story.Conflicts, c => c.About == "date");
    }

    [Fact]
    public void One_day_written_as_a_weekday_and_as_a_date_is_no_conflict()
    {
        var story = Fuse(
            ("harbourtimes.example", "2026-05-13", "Foreign Minister Lena Okafor arrived in the capital on Tuesday for two days of talks on the river treaty."),
            ("valleypost.example", "2026-05-14", "Foreign Minister Lena Okafor arrived in the capital on 12 May 2026 for two days of talks on the river treaty."));
        Assert.DoesNotContain(story.Conflicts, c => c.About == "date");
        Assert.Contains(story.Claims, c => c.Status == ClaimStatus.Corroborated);
    }
}
