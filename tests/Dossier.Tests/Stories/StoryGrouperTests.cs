using System.Text.Json;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Tests.Stories;

public class StoryGrouperTests
{
    private const string Talks = "The foreign ministers of Norland and Sudmark held their annual strategic dialogue in {0} on {1}. " +
        "They agreed to expand rail links across the border and to open a joint customs post at Vesterby. " +
        "Both sides pledged to double bilateral trade in grain and timber within five years. " +
        "The ministers also discussed fishing quotas in the northern gulf and agreed to meet again next year.";

    private static AnnotatedArticle Make(string id, string text, DateOnly? date = null, string? outlet = null, string? credit = null, string? title = null) =>
        new(new Article(id, id + ".txt", null, text, new ArticleMetadata { Title = title ?? text[..40], Outlet = outlet, Credit = credit }, []))
        {
            Sentences = SentenceSplitter.Split(text),
            EventDate = date,
        };

    [Fact]
    public void An_exact_copy_joins_the_story_and_counts_as_the_same_source()
    {
        var session = new StoryGrouper().Start();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday");
        var a = session.Add(Make("a", text, outlet: "Norland Post"));
        var b = session.Add(Make("b", text, outlet: "Gulf Wire", credit: "Norland Post/GW"));
        Assert.Equal(a, b);
        var story = Assert.Single(session.Stories);
        Assert.Single(story.Sources);
    }

    [Fact]
    public void A_near_copy_without_credit_is_the_source_it_copies()
    {
        var session = new StoryGrouper().Start();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday");
        session.Add(Make("a", text, outlet: "Norland Post"));
        session.Add(Make("b", "Share this story with friends. " + text + " Read more stories on our site.", outlet: "Aggregator"));
        var story = Assert.Single(session.Stories);
        Assert.Single(story.Sources);
        Assert.Equal(2, story.Articles.Length);
    }

    [Fact]
    public void Two_rounds_of_an_annual_dialogue_a_year_apart_are_different_stories()
    {
        var session = new StoryGrouper().Start();
        var first = session.Add(Make("a", string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday"), new DateOnly(2025, 1, 6), "Norland Post"));
        var second = session.Add(Make("b", string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Vesterby", "Tuesday"), new DateOnly(2026, 1, 6), "Sudmark Daily"));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Independent_reports_of_one_event_form_one_story_of_two_sources()
    {
        var session = new StoryGrouper().Start();
        var day = new DateOnly(2026, 1, 6);
        session.Add(Make("a", string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday"), day, "Norland Post"));
        session.Add(Make("b", "Norland and Sudmark pledged on Monday to double their grain and timber trade within five years, after their foreign ministers met in Kalmar for the annual strategic dialogue. A joint customs post will open at Vesterby and rail links will be expanded.", day, "Sudmark Daily"));
        session.Add(Make("c", "A storm closed every school in the capital of Ostria on Monday and cut power to forty thousand homes, the energy board said.", day, "Ostria Times"));
        Assert.Equal(2, session.Stories.Count);
        Assert.Equal(2, session.Stories[0].Sources.Length);
    }

    [Fact]
    public void Story_state_round_trips_through_json()
    {
        var session = new StoryGroupingSession(new StoryGrouperOptions());
        session.Add(Make("a", string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday"), new DateOnly(2026, 1, 6), "Norland Post"));
        var state = Assert.Single(session.ActiveStates);
        var copy = JsonSerializer.Deserialize<StoryState>(JsonSerializer.Serialize(state))!;
        Assert.Equal(state.ArticleIds, copy.ArticleIds);
        Assert.Equal(state.Fingerprints[0].Signature, copy.Fingerprints[0].Signature);
        Assert.Equal(state.LastDate, copy.LastDate);
    }

    [Fact]
    public void Stories_close_after_a_quiet_window_and_can_be_drained()
    {
        // A budget of one open report: beyond it, groups the stream's dates have left behind close (at once here:
        // no grace for groups that a report joined recently).
        var session = new StoryGroupingSession(new StoryGrouperOptions { CloseAfterDays = 3, OpenReports = 1, ActiveArticles = 0 });
        session.Add(Make("a", string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday"), new DateOnly(2026, 1, 6)));
        session.Add(Make("b", "A storm closed every school in the capital of Ostria and cut power to forty thousand homes.", new DateOnly(2026, 1, 20)));
        Assert.Equal(1, session.ActiveCount);
        var drained = session.DrainClosed();
        Assert.Equal("a", Assert.Single(drained).Articles[0].Article.Id);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(0, false)]
    public void An_old_event_still_being_reported_stays_open_while_the_stream_dates_move_on(int activeArticles, bool whole)
    {
        // An archive in no order of days: the stream has reached 20 January when two copies of a 6 January report
        // arrive, with a report of 21 January between them. Over the budget, a group is closed by dates alone
        // only once no report has joined it for a while.
        var session = new StoryGroupingSession(new StoryGrouperOptions { CloseAfterDays = 3, OpenReports = 1, ActiveArticles = activeArticles });
        var talks = string.Format(System.Globalization.CultureInfo.InvariantCulture, Talks, "Kalmar", "Monday");
        session.Add(Make("storm", "A storm closed every school in the capital of Ostria and cut power to forty thousand homes.", new DateOnly(2026, 1, 20)));
        var first = session.Add(Make("talks-1", talks, new DateOnly(2026, 1, 6), "Norland Post"));
        session.Add(Make("flood", "The river Ost burst its banks at Lindholm, and two hundred families left their homes for the town hall.", new DateOnly(2026, 1, 21)));
        var second = session.Add(Make("talks-2", talks, new DateOnly(2026, 1, 6), "Gulf Wire"));
        session.CloseAll();
        var stories = session.DrainClosed();
        var talkStories = stories.Where(s => s.Articles.Any(a => a.Article.Id.StartsWith("talks", StringComparison.Ordinal))).ToList();
        Assert.Equal(whole ? 1 : 2, talkStories.Count);
    }
}
