using Dossier.Fusion;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Tests.Fusion;

/// <summary>Each claim says what kind of statement it is; a sentence and its negation never corroborate each other.</summary>
public class StatementKindTests
{
    private static AnnotatedArticle Make(string id, string text, int day) =>
        new(new Article(id, id + ".txt", null, text, new ArticleMetadata { Title = id, Published = new DateTimeOffset(2026, 3, day, 9, 0, 0, TimeSpan.Zero) }, [])) { Sentences = SentenceSplitter.Split(text) };

    private static Story Fuse(params AnnotatedArticle[] articles) =>
        new ClaimFuser().Fuse(new StoryCluster("s1", [.. articles], [.. articles.Select(a => new SourceGroup(a.Article.Id, [a.Article.Id]))]));

    [Theory]
    [InlineData("The ferry company cut its timetable by half on Monday.", "reported")]
    [InlineData("The ferry company will cut its timetable by half next week.", "plan")]
    [InlineData("The vote is scheduled for the first week of April.", "plan")]
    [InlineData("The harbour master said the ferry company cut its timetable.", "attributed")]
    [InlineData("The ferry company denied that it cut its timetable.", "denial")]
    [InlineData("The ferry company could cut its timetable if fuel prices rise.", "hypothetical")]
    [InlineData("Talks resumed on May 27 in the capital.", "reported")]
    public void A_clause_says_what_kind_of_statement_it_is(string clause, string kind) =>
        Assert.Equal(kind, StatementKind.Of(clause));

    [Theory]
    [InlineData("The match will not take place on Sunday.", true)]
    [InlineData("The organisers called off the match on Sunday.", true)]
    [InlineData("The match won't go ahead.", true)]
    [InlineData("The match will take place on Sunday.", false)]
    [InlineData("The clubs agreed new rules to ensure that fans are not left outside.", false)]
    [InlineData("The organisers said that the match will not take place.", true)]
    public void Negation_is_read_from_the_clause(string clause, bool negated) =>
        Assert.Equal(negated, StatementKind.IsNegated(clause));

    [Fact]
    public void A_sentence_and_its_negation_never_corroborate_each_other_and_the_later_one_is_an_update()
    {
        var a = Make("a", "The city council will hold the final vote on the new harbour bridge on Sunday.", 2);
        var b = Make("b", "The city council will not hold the final vote on the new harbour bridge on Sunday.", 4);
        var story = Fuse(a, b);
        Assert.DoesNotContain(story.Claims, c => c.Status == ClaimStatus.Corroborated);
        var conflict = Assert.Single(story.Conflicts);
        Assert.Equal("update", conflict.About);
        Assert.Contains(conflict.Values, v => v.Value == "negated (later)" && v.Evidence.All(e => e.ArticleId == "b"));
        Assert.Contains(story.Claims, c => c.Modality == "plan" && c.Negated);
    }

    [Fact]
    public void Reports_of_events_weeks_apart_in_one_story_never_corroborate_each_other()
    {
        var first = Make("a", "The two delegations met for four hours at the palace and agreed to exchange prisoners.", 2) with { EventDate = new DateOnly(2026, 3, 2) };
        var second = Make("b", "The two delegations met for four hours at the palace and agreed to exchange prisoners.", 30) with { EventDate = new DateOnly(2026, 3, 30) };
        var same = Make("c", "The two delegations met for four hours at the palace and agreed to exchange prisoners.", 3) with { EventDate = new DateOnly(2026, 3, 3) };
        var story = Fuse(first, second, same);
        Assert.DoesNotContain(story.Claims, c => c.Evidence.Any(e => e.ArticleId == "a") && c.Evidence.Any(e => e.ArticleId == "b"));
        Assert.Contains(story.Claims, c => c.Status == ClaimStatus.Corroborated && c.Evidence.Any(e => e.ArticleId == "a") && c.Evidence.Any(e => e.ArticleId == "c"));
    }

    [Fact]
    public void A_sentence_about_a_day_weeks_before_the_report_is_background_and_supports_nothing_of_this_event()
    {
        const string text = "The delegations met again at the palace on Monday. The first round at the palace on 2 March ended without a deal.";
        var day = text.IndexOf("2 March", StringComparison.Ordinal);
        var a = Make("a", text, 31) with { EventDate = new DateOnly(2026, 3, 30), Times = [new TimeExpression(new TextSpan(day, 7), "2026-03-02", "explicit")] };
        var b = Make("b", "The delegations met again at the palace on Monday after a first round that ended without a deal.", 31) with { EventDate = new DateOnly(2026, 3, 30) };
        var story = Fuse(a, b);
        var background = Assert.Single(story.Claims, c => c.Background);
        Assert.Contains("2 March", background.Text, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.SingleSource, background.Status);
    }
}
