using System.Collections.Immutable;
using Dossier.Stories;

namespace Dossier.Tests.Stories;

public class LinkStrengthTests
{
    private static readonly EventWindow Day = new(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2), false);

    // Our own invented words: each report has its own words plus the shared ones, one count each.
    private static ArticleFeatures Report(string id, string[] names, string[] words) =>
        new(
            id,
            [.. words.Select(ArticleFeatures.TermKey).Distinct().Order().Select(t => (t, 1))],
            [.. names.Order(StringComparer.Ordinal)],
            Day.First,
            null,
            [],
            null,
            null,
            ((ulong)id.Length * 7919) + id[0],
            [.. Enumerable.Range(0, 16).Select(i => (ulong)(id.Length * 1000 + i + id[0]))],
            Day);

    private static readonly string[] Frame = ["plan", "cost", "million", "months", "farms", "port", "desk", "rigs"];

    [Fact]
    public void One_name_in_common_among_many_with_template_words_is_a_weak_link()
    {
        var a = Report("a", ["halvor", "ostby", "kranmere", "lisvik", "tordal"], [.. Frame, "halvor", "ostby", "kranmere", "lisvik", "tordal", "quill", "amber"]);
        var b = Report("b", ["halvor", "brennik", "sollund", "varta", "dunmoor"], [.. Frame, "halvor", "brennik", "sollund", "varta", "dunmoor", "ferro", "slate"]);
        var options = new StoryGrouperOptions();
        Assert.Equal(LinkStrength.Weak, EventClustering.Link(a, b, options));
        Assert.Equal(LinkStrength.Weak, EventClustering.Link(b, a, options));
        Assert.True(EventClustering.Linked(a, b, options));
    }

    [Fact]
    public void Reports_sharing_most_of_their_names_are_strongly_linked()
    {
        var a = Report("a", ["halvor", "ostby", "kranmere"], [.. Frame, "halvor", "ostby", "kranmere", "quill"]);
        var b = Report("b", ["halvor", "ostby", "kranmere", "varta"], [.. Frame, "halvor", "ostby", "kranmere", "varta", "ferro"]);
        Assert.Equal(LinkStrength.Strong, EventClustering.Link(a, b, new StoryGrouperOptions()));
    }

    [Fact]
    public void Reports_of_days_too_far_apart_are_not_linked()
    {
        var a = Report("a", ["halvor", "ostby"], [.. Frame, "halvor", "ostby"]);
        var later = new EventWindow(new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 20), false);
        var b = Report("bb", ["halvor", "ostby"], [.. Frame, "halvor", "ostby", "varta"]) with { Window = later };
        Assert.Equal(LinkStrength.None, EventClustering.Link(a, b, new StoryGrouperOptions()));
    }
}
