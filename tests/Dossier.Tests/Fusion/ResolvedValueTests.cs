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

    private static FactValues Days(params string[] days) => new([.. days], [], [], [], false, []);

    [Fact]
    public void One_day_with_and_without_its_year_is_one_value_of_a_date_conflict()
    {
        // "Thursday (May 14)" in a dated report, "May 14" and "May 13" in undated ones.
        var values = new[] { Days("2026-05-14"), Days("--05-14"), Days("--05-13") };
        var shown = ClaimFuser.FullDays(values);
        Assert.Equal(["2026-05-14", "2026-05-14", "--05-13"], values.Select(v => string.Join(",", shown(v))));

        // Two years for one month and day: the yearless form cannot be told apart and stays as written.
        var twoYears = new[] { Days("2025-05-14"), Days("2026-05-14"), Days("--05-14") };
        Assert.Equal(["2025-05-14", "2026-05-14", "--05-14"], twoYears.Select(v => string.Join(",", ClaimFuser.FullDays(twoYears)(v))));
    }
}
