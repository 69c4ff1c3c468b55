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
}
