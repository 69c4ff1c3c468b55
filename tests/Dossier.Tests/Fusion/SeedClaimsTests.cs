using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Fusion;

[Trait("Category", SharedData.Category)]
public class SeedClaimsTests
{
    [Fact]
    public void Both_seed_reports_form_one_story_of_two_independent_sources()
    {
        var (stories, _, _) = SeedCorpus.Run();
        var story = Assert.Single(stories);
        Assert.Equal([SeedCorpus.IdA, SeedCorpus.IdB], story.ArticleIds);
        Assert.Equal(2, story.IndependentSources);
    }

    [Fact]
    public void At_least_ninety_percent_of_our_gold_seed_claims_are_found_with_the_right_status()
    {
        var (stories, a, b) = SeedCorpus.Run();
        var story = Assert.Single(stories);
        var gold = SeedCorpus.Gold();
        var (found, misses) = SeedCorpus.Score(story, a, b, gold);
        var share = found / (double)gold.Count;
        Assert.True(share >= 0.90, $"found {found}/{gold.Count} ({share:P0}); claims {story.Claims.Length}; misses:\n{string.Join("\n", misses)}");
    }

    [Fact]
    public void The_seed_story_has_about_fifty_claims_and_no_conflict()
    {
        var (stories, _, _) = SeedCorpus.Run();
        var story = Assert.Single(stories);
        Assert.Empty(story.Conflicts);
        Assert.DoesNotContain(story.Claims, c => c.Status == ClaimStatus.Conflicting);
        Assert.InRange(story.Claims.Length, 40, 90);
    }

    [Fact]
    public void No_seed_claim_or_evidence_comes_from_page_chrome()
    {
        var (stories, a, _) = SeedCorpus.Run();
        var story = Assert.Single(stories);
        string[] chrome = ["whatsapp", "next in aseanplus", "others also read", "asean news headlines", "durian"];
        foreach (var claim in story.Claims)
        {
            Assert.DoesNotContain(chrome, c => claim.Text.Contains(c, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(claim.Evidence, e => chrome.Any(c => e.Sentence.Contains(c, StringComparison.OrdinalIgnoreCase)));
        }

        Assert.All(story.Claims.SelectMany(c => c.Evidence).Where(e => e.ArticleId == a.Article.Id), e => Assert.True(e.Span.End <= a.Article.Text.Length));
    }
}
