using Dossier.Model;

namespace Dossier.Tests.Stories;

public class DemoExpectationTests
{
    private static readonly Lazy<AnalysisResult> Result = new(() => DemoCorpus.Analyze(DemoCorpus.Files()));

    private static Dictionary<string, string> Labels() => DemoCorpus.Labels(Result.Value.Articles);

    [Fact]
    public void Demo_reports_are_grouped_into_the_expected_stories()
    {
        var labels = Labels();
        var actual = Result.Value.Stories.Select(s => string.Join(" ", s.ArticleIds.Select(id => labels[id]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        var expected = DemoCorpus.Expected().Select(s => string.Join(" ", s.Articles.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Demo_stories_count_the_expected_independent_sources()
    {
        var labels = Labels();
        foreach (var expected in DemoCorpus.Expected())
        {
            var story = Result.Value.Stories.Single(s => s.ArticleIds.Any(id => labels[id] == expected.Articles[0]));
            Assert.True(expected.IndependentSources == story.IndependentSources, $"{expected.Key}: {story.IndependentSources} sources ({string.Join("; ", story.Sources.Select(g => g.Source + ": " + string.Join(",", g.ArticleIds.Select(id => labels[id]))))})");
        }
    }

    [Fact]
    public void Each_demo_story_is_placed_where_expected_json_places_it()
    {
        // expected.json writes a place as an analyst would ("Colca valley, Arequipa, Peru"); the story's place is one of its parts.
        var labels = Labels();
        foreach (var expected in DemoCorpus.Expected().Where(e => e.Location is not null))
        {
            var story = Result.Value.Stories.Single(s => s.ArticleIds.Any(id => labels[id] == expected.Articles[0]));
            var parts = expected.Location!.Split(',', StringSplitOptions.TrimEntries);
            Assert.True(story.Location is { } place && parts.Contains(place, StringComparer.Ordinal), $"{expected.Key}: placed in '{story.Location}', expected one of {string.Join(" / ", parts)}");
        }
    }

    [Fact]
    public void Each_demo_story_has_the_day_expected_json_gives_it_or_none_where_it_gives_none()
    {
        var labels = Labels();
        foreach (var expected in DemoCorpus.Expected())
        {
            var story = Result.Value.Stories.Single(s => s.ArticleIds.Any(id => labels[id] == expected.Articles[0]));
            Assert.True(expected.Date == story.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{expected.Key}: dated {story.Date}, expected {expected.Date ?? "none"}");
        }
    }

    [Fact]
    public void Every_planted_demo_conflict_is_found_and_nothing_else_is_flagged()
    {
        var labels = Labels();
        foreach (var expected in DemoCorpus.Expected())
        {
            var story = Result.Value.Stories.Single(s => s.ArticleIds.Any(id => labels[id] == expected.Articles[0]));
            var found = story.Conflicts.Select(c => c.Values.Select(v => v.Evidence.Select(e => labels[e.ArticleId]).ToHashSet(StringComparer.Ordinal)).ToList()).ToList();
            var describe = string.Join(" | ", story.Conflicts.Select(c => c.About + ": " + string.Join(" vs ", c.Values.Select(v => v.Value + " [" + string.Join(",", v.Evidence.Select(e => labels[e.ArticleId])) + "]"))));
            Assert.True(expected.Conflicts.Length == story.Conflicts.Length, $"{expected.Key}: expected {expected.Conflicts.Length} conflicts, got {describe}");
            foreach (var conflict in expected.Conflicts)
            {
                // The lone dissenting report must stand on one side, apart from the reports it contradicts.
                var minority = conflict.Values.MinBy(v => v.Length)!;
                var majority = conflict.Values.Where(v => v != minority).SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
                Assert.True(
                    found.Any(values => values.Any(v => minority.All(v.Contains) && !v.Overlaps(majority)) && values.Any(v => v.Overlaps(majority) && !v.Overlaps(minority))),
                    $"{expected.Key}: planted conflict '{conflict.About}' not found; got {describe}");
            }

            Assert.Equal(expected.Conflicts.Length, story.Claims.Count(c => c.Status == ClaimStatus.Conflicting));
        }
    }
}
