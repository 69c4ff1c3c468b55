using Dossier.Fusion;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Tests.Fusion;

public class ClaimFuserTests
{
    private static AnnotatedArticle Make(string id, string text) =>
        new(new Article(id, id + ".txt", null, text, new ArticleMetadata { Title = id }, [])) { Sentences = SentenceSplitter.Split(text) };

    // Through the language stage: the fuser reads a claim's days from the times it resolved (the one date reader).
    private static AnnotatedArticle Annotated(string id, string text) =>
        new TextAnnotator().Annotate(new Article(id, id + ".txt", null, text, new ArticleMetadata { Title = id }, []));

    private static Story Fuse(params AnnotatedArticle[] articles) =>
        new ClaimFuser().Fuse(new StoryCluster("s1", [.. articles], [.. articles.Select(a => new SourceGroup(a.Article.Id, [a.Article.Id]))]));

    [Fact]
    public void A_sentence_of_three_coordinated_verb_phrases_gives_three_propositions()
    {
        const string text = "The two ministers reiterated their zero tolerance for piracy in the gulf, opposed double standards in maritime law, and agreed to deepen naval cooperation along the coast.";
        var props = Propositions.Of(Make("a", text), 0);
        Assert.Equal(3, props.Count);
        Assert.StartsWith("The two ministers opposed", props[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_joined_sentence_supports_each_claim_split_across_another_report()
    {
        var a = Make("a", "The two ministers reiterated their zero tolerance for piracy in the gulf. They opposed double standards in maritime law. The ministers agreed to deepen naval cooperation along the coast.");
        var b = Make("b", "The ministers reaffirmed zero tolerance for gulf piracy, opposed double standards in the law of the sea, and agreed to deepen naval cooperation on the coast.");
        var story = Fuse(a, b);
        foreach (var sentence in new[] { 0, 1, 2 })
        {
            Assert.Contains(story.Claims, c => c.Status == ClaimStatus.Corroborated && c.Evidence.Any(e => e.ArticleId == "a" && e.SentenceIndex == sentence) && c.Evidence.Any(e => e.ArticleId == "b"));
        }
    }

    [Fact]
    public void British_and_American_spellings_align()
    {
        var story = Fuse(
            Make("a", "The organisation pledged to strengthen the defence of neighbourliness between the two harbours."),
            Make("b", "The organization pledged to strengthen the defense of neighborly relations between the two harbors."));
        Assert.Contains(story.Claims, c => c.Status == ClaimStatus.Corroborated && c.IndependentSources == 2);
    }

    [Fact]
    public void The_same_day_written_differently_is_not_a_conflict_but_a_different_day_is()
    {
        var same = Fuse(
            Annotated("a", "The ministers signed the fisheries accord in Kalmar on Thursday (March 12)."),
            Annotated("b", "The ministers signed the fisheries accord in Kalmar on Thursday 12 March."));
        Assert.Empty(same.Conflicts);
        var different = Fuse(
            Annotated("a", "The ministers signed the fisheries accord in Kalmar on Thursday (March 12)."),
            Annotated("b", "The ministers signed the fisheries accord in Kalmar on Wednesday, March 11."));
        Assert.Equal("date", Assert.Single(different.Conflicts).About);
    }

    [Fact]
    public void Different_counts_of_the_same_thing_are_a_conflict()
    {
        var story = Fuse(
            Make("a", "The storm killed 12 people in the coastal villages of Ostria, officials said."),
            Make("b", "The storm killed 19 people in the coastal villages of Ostria, the fire service said."));
        var conflict = Assert.Single(story.Conflicts);
        Assert.StartsWith("number", conflict.About, StringComparison.Ordinal);
        Assert.Equal(["12", "19"], conflict.Values.Select(v => v.Value));
    }

    [Fact]
    public void Page_chrome_never_becomes_a_claim()
    {
        var story = Fuse(Make("a", "The ministers signed the fisheries accord in Kalmar on Thursday. Follow us on our official WhatsApp channel for breaking news alerts and key updates!"));
        Assert.DoesNotContain(story.Claims, c => c.Text.Contains("WhatsApp", StringComparison.Ordinal));
    }
}
