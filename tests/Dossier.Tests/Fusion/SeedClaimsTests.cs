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
        // Members in the grouper's canonical order (publication time, event day, text), not input order.
        Assert.Equal(new[] { SeedCorpus.IdA, SeedCorpus.IdB }.Order(StringComparer.Ordinal), story.ArticleIds.Order(StringComparer.Ordinal));
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
    public void Through_the_whole_pipeline_the_seeds_make_one_story_meeting_the_claim_bar_without_chrome_or_conflict()
    {
        var files = Directory.GetFiles(SharedData.Require("seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var result = Dossier.Tests.Stories.DemoCorpus.Analyze(files);
        var story = Assert.Single(result.Stories);
        var a = result.Articles.Single(x => x.Article.Path == files[0]);
        var b = result.Articles.Single(x => x.Article.Path == files[1]);
        Assert.Equal(2, story.IndependentSources);
        Assert.Empty(story.Conflicts);
        var gold = SeedCorpus.Gold();
        var (found, misses) = SeedCorpus.Score(story, a, b, gold);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "dossier-seed-pipeline.txt"), $"found {found}/{gold.Count} claims {story.Claims.Length}\n" + string.Join("\n", misses));
        Assert.True(found >= 0.9 * gold.Count, $"found {found}/{gold.Count}; claims {story.Claims.Length}; misses:\n{string.Join("\n", misses)}");
        string[] chrome = ["whatsapp", "next in aseanplus", "others also read", "asean news headlines", "durian"];
        Assert.DoesNotContain(story.Claims, c => chrome.Any(x => c.Text.Contains(x, StringComparison.OrdinalIgnoreCase) || c.Evidence.Any(e => e.Sentence.Contains(x, StringComparison.OrdinalIgnoreCase))));
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
