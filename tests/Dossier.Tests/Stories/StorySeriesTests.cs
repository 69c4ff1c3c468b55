using System.Collections.Immutable;
using Dossier.Model;
using Dossier.Output;
using Dossier.Stories;

namespace Dossier.Tests.Stories;

public class StorySeriesTests
{
    // Three rounds of one fisheries negotiation between two countries, a month apart, each told with some words of
    // its own; beside them two unrelated stories and a second story of the second round's week.
    private static readonly string[] Shared = ["fishery", "quota", "negotiator", "talk", "norway", "chile", "salmon", "delegation", "agreement", "catch"];

    private static SeriesDigest Digest(string id, string date, string[] words, string[] entities, string[] ordinals, bool recurring = true, string? place = null) =>
        new(
            id,
            "Story " + id,
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            place,
            [.. words.GroupBy(w => w).Select(g => (ArticleFeatures.TermKey(g.Key), g.Count())).OrderBy(t => t.Item1)],
            [.. entities],
            [.. ordinals],
            recurring);

    private static List<SeriesDigest> Corpus() =>
    [
        Digest("s1", "2026-02-03", [.. Shared, "oslo", "opening"], ["norway", "chile", "ola berg"], ["round:1"], place: "oslo"),
        Digest("s2", "2026-03-10", [.. Shared, "santiago", "draft"], ["norway", "chile", "ola berg"], ["round:2"], place: "santiago"),
        Digest("s3", "2026-04-14", [.. Shared, "bergen", "signed"], ["norway", "chile", "ana soto"], ["round:3"], place: "bergen"),
        Digest("other", "2026-03-01", ["flood", "river", "bridge", "rain", "evacuation"], ["peru", "lima"], [], place: "lima"),
        Digest("other2", "2026-05-01", ["election", "ballot", "turnout", "candidate", "party"], ["ghana", "accra"], []),
    ];

    [Fact]
    public void Rounds_of_one_negotiation_form_one_series_in_date_order()
    {
        var series = Assert.Single(StorySeries.Link(Corpus()));
        Assert.Equal(["s1", "s2", "s3"], series.Stories.Select(e => e.StoryId));
        Assert.Equal([1, 2, 3], series.Stories.Select(e => e.Ordinal));
        Assert.Equal("santiago", series.Stories[1].Location);
        Assert.Contains("chile", series.Name, StringComparison.Ordinal);
        Assert.EndsWith(": round", series.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_series_does_not_depend_on_the_order_stories_closed_in()
    {
        var corpus = Corpus();
        var expected = StorySeries.Link(corpus).Single().Stories;
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed);
            var shuffled = corpus.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, StorySeries.Link(shuffled).Single().Stories);
        }
    }

    [Fact]
    public void Stories_days_apart_or_giving_one_ordinal_are_not_occurrences_of_a_series()
    {
        // A second story of round 2, three days after the first: one event split (or two events of one week), not a series.
        var near = Digest("near", "2026-03-13", [.. Shared, "santiago"], ["norway", "chile"], []);
        Assert.Empty(StorySeries.Link([Corpus()[1], near]));

        // Two stories a month apart that both say "round 2": one occurrence told twice.
        var same = Digest("same", "2026-04-20", [.. Shared], ["norway", "chile"], ["round:2"]);
        Assert.Empty(StorySeries.Link([Corpus()[1], same]));
    }

    [Fact]
    public void Look_alike_stories_that_do_not_present_themselves_as_recurring_are_not_linked()
    {
        // Two floods on one river a month apart share every word, but nothing says they are occurrences of a series.
        var flood1 = Digest("f1", "2026-01-10", ["flood", "river", "bridge", "rain", "evacuation", "peru"], ["peru", "rimac"], [], recurring: false);
        var flood2 = Digest("f2", "2026-02-12", ["flood", "river", "bridge", "rain", "evacuation", "peru"], ["peru", "rimac"], [], recurring: false);
        Assert.Empty(StorySeries.Link([flood1, flood2]));
    }

    [Fact]
    public void A_brief_line_names_the_previous_and_next_occurrence()
    {
        var series = StorySeries.Link(Corpus());
        var middle = new Story { Id = "s2", Title = "Round two" };
        var line = BriefLayout.SeriesLine(middle, series);
        Assert.NotNull(line);
        Assert.Contains("(2 of 3)", line, StringComparison.Ordinal);
        Assert.Contains("previous: oslo, 2026-02-03, no. 1", line, StringComparison.Ordinal);
        Assert.Contains("next: bergen, 2026-04-14, no. 3", line, StringComparison.Ordinal);
        Assert.Null(BriefLayout.SeriesLine(new Story { Id = "other", Title = "Flood" }, series));
    }
}
