using Dossier.Fusion;
using Dossier.Language;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;

namespace Dossier.Tests.Fusion;

/// <summary>Stories and claims carry IPTC Media Topics labels, cued by general words.</summary>
public class TopicTests
{
    [Theory]
    [InlineData("earthquake", "disaster, accident and emergency incident")]
    [InlineData("Tanzania", "politics")]
    [InlineData("dockworkers", "labour")]
    [InlineData("rate", "economy, business and finance")]
    [InlineData("marathon", "sport")]
    public void Each_demo_story_carries_a_fitting_media_topic(string titleWord, string topic)
    {
        // Found by a word of its title; the title is the canonically first report's (publication time, event day, text).
        var result = DossierPipeline.Default.Analyze(new InputReader().ReadDemo(), cancellationToken: TestContext.Current.CancellationToken);
        var story = Assert.Single(result.Stories, s => s.Title.Contains(titleWord, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(topic, story.Topics);
    }

    [Fact]
    public void A_claim_about_a_flood_is_filed_under_disasters_and_a_strike_under_labour()
    {
        static AnnotatedArticle Make(string id, string text) =>
            new(new Article(id, id + ".txt", null, text, new ArticleMetadata { Title = id }, [])) { Sentences = SentenceSplitter.Split(text) };
        var story = new ClaimFuser().Fuse(new StoryCluster("s1", [Make("a", "Floods forced the evacuation of two thousand residents from the valley towns. Bus drivers went on strike over unpaid wages and pensions.")], [new SourceGroup("a", ["a"])]));
        Assert.Equal("disaster, accident and emergency incident", story.Claims[0].Topic);
        Assert.Equal("labour", story.Claims[1].Topic);
    }
}
