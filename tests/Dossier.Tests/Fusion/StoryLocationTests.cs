using Dossier.Fusion;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Tests.Fusion;

public class StoryLocationTests
{
    private static AnnotatedArticle Report(string id, string? place, bool fromDateline) =>
        new(new Article(id, id, null, "text", ArticleMetadata.Empty, [])) { EventLocation = place, EventLocationFromDateline = fromDateline };

    private static StoryCluster Story(params AnnotatedArticle[] reports) => new("s1", [.. reports], []);

    [Fact]
    public void A_place_named_in_the_text_wins_over_more_datelines()
    {
        // Three wire reports filed from the capital, one naming the town the event happened in.
        var story = Story(Report("a", "Lima", true), Report("b", "Lima", true), Report("c", "Lima", true), Report("d", "Chivay", false));
        Assert.Equal("Chivay", StoryFields.Location(story));
    }

    [Fact]
    public void Without_a_place_in_any_text_the_datelines_decide()
    {
        var story = Story(Report("a", "Lima", true), Report("b", "Cusco", true), Report("c", "Lima", true), Report("d", null, false));
        Assert.Equal("Lima", StoryFields.Location(story));
    }

    [Fact]
    public void A_story_without_any_place_has_none() =>
        Assert.Null(StoryFields.Location(Story(Report("a", null, false), Report("b", "", false))));

    private static Claim Statement(string id, string text, int sources, params (string Article, int Sentence)[] evidence) =>
        new(id, text, null, sources > 1 ? ClaimStatus.Corroborated : ClaimStatus.SingleSource, sources,
            [.. evidence.Select(e => new Evidence(e.Article, e.Sentence, new TextSpan(0, text.Length), text))], null);

    [Fact]
    public void Without_a_headline_a_story_is_named_after_what_most_reports_open_with()
    {
        // Three reports without a headline: two open with the quake; a line of context is repeated further down by all three.
        var story = Story(Report("a", null, false), Report("b", null, false), Report("c", null, false));
        var claims = new[]
        {
            Statement("c1", "The valley town is one of the oldest in the province.", 3, ("a", 5), ("b", 0), ("c", 7)),
            Statement("c2", "A strong earthquake struck the valley overnight, killing at least nine people.", 2, ("a", 0), ("c", 0)),
        };
        Assert.Equal("A strong earthquake struck the valley overnight, killing at least nine people.", StoryFields.Title(story, claims));
    }

    private static AnnotatedArticle Dated(string id, string? published, string? eventDate) =>
        new(new Article(id, id, null, "text", published is null ? ArticleMetadata.Empty : new ArticleMetadata { Published = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture) }, []))
        {
            EventDate = eventDate is null ? null : DateOnly.Parse(eventDate, System.Globalization.CultureInfo.InvariantCulture),
        };

    [Fact]
    public void An_undated_reports_guessed_year_gives_way_to_the_dated_reports()
    {
        // The undated report's "May 26" was read in a year its text named in passing; the dated reports say 2025.
        var story = Story(Dated("a", "2025-05-26T08:00:00Z", null), Dated("b", "2025-05-24T08:00:00Z", null), Dated("c", null, "2021-05-26"));
        Assert.Equal(new DateOnly(2025, 5, 26), StoryFields.Date(story));

        // An undated report's day far from every dated day does not vote; alone, reports keep their own days.
        Assert.Equal(new DateOnly(2025, 5, 26), StoryFields.Date(Story(Dated("a", "2025-05-26T08:00:00Z", "2025-05-26"), Dated("c", null, "2025-08-01"), Dated("d", null, "2025-08-01"))));
        Assert.Equal(new DateOnly(2021, 5, 26), StoryFields.Date(Story(Dated("c", null, "2021-05-26"))));
    }
}
