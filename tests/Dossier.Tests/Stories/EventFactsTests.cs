using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Tests.Stories;

public class EventFactsTests
{
    private static System.Collections.Immutable.ImmutableArray<string> OrdinalsOf(string title, string text) =>
        EventFacts.Ordinals(new Article("a", "a.txt", null, text, new ArticleMetadata { Title = title }, []));

    [Fact]
    public void Different_ordinals_of_one_series_conflict()
    {
        Assert.True(EventFacts.Conflict(["northern forum summit:12"], ["northern forum summit:13"]));
        Assert.False(EventFacts.Conflict(["northern forum summit:12"], ["northern forum summit:12"]));
    }

    [Fact]
    public void An_inaugural_meeting_conflicts_with_a_later_occurrence_of_another_named_meeting()
    {
        // Two summits held in one city on the same days: the 12th of one forum and the first of a new one.
        var later = OrdinalsOf("Leaders open the 12th Northern Forum summit in Kalmar", "Leaders of the Northern Forum met in Kalmar on Monday.");
        var inaugural = OrdinalsOf("Premier hails inaugural Northern Forum-Gulf summit", "The first-ever summit of the three blocs was held in Kalmar on Tuesday.");
        Assert.True(EventFacts.Conflict(later, inaugural));
    }

    [Fact]
    public void Two_later_occurrences_under_different_names_do_not_conflict()
    {
        // One signing told through either of the two meetings it took place at.
        Assert.False(EventFacts.Conflict(["northern forum summit:12"], ["forum-gulf summit:4"]));
    }

    [Fact]
    public void An_ordinal_counting_a_streak_names_no_occurrence()
    {
        Assert.Empty(OrdinalsOf("Bank holds rates for a second straight meeting", "The bank left rates unchanged at its second consecutive meeting."));
        Assert.Empty(OrdinalsOf("Ministers hold first meeting since 2019", "It was the third round in a row without a deal."));
        Assert.Equal(["round:7"], OrdinalsOf("Seventh round of talks opens", "Negotiators met for the 7th round on Monday."));
    }
}
