using Dossier.Testing;

namespace Dossier.Tests.Extraction.Html;

public sealed class ExtractionMetricTests
{
    [Theory]
    [Trait("Category", SharedData.Category)]
    [InlineData("trafilatura", 0.958)]
    [InlineData("readability_js", 0.947)]
    [InlineData("rs_trafilatura", 0.970)]
    public void Metric_reproduces_the_published_peer_scores(string peer, double published)
    {
        var score = ExtractionMetric.Score(BenchmarkPages.Truth(), BenchmarkPages.Peer(peer));

        Assert.Equal(181, score.Pages);
        Assert.InRange(score.F1, published - 0.002, published + 0.002);
    }

    [Fact]
    public void Identical_texts_score_one()
    {
        var truth = new Dictionary<string, string> { ["a"] = "The council met on Monday and agreed to meet again in May." };

        var score = ExtractionMetric.Score(truth, truth);

        Assert.Equal(1.0, score.F1, 6);
        Assert.Equal(1.0, score.Accuracy, 6);
    }

    [Fact]
    public void Extra_text_costs_precision_not_recall()
    {
        var truth = new Dictionary<string, string> { ["a"] = "one two three four five six" };
        var predicted = new Dictionary<string, string> { ["a"] = "one two three four five six. Share this story now please" };

        var score = ExtractionMetric.Score(truth, predicted);

        Assert.Equal(1.0, score.Recall, 6);
        Assert.True(score.Precision < 1.0);
        Assert.Equal(0.0, score.Accuracy, 6);
    }

    [Fact]
    public void Empty_prediction_scores_zero_for_that_page()
    {
        var truth = new Dictionary<string, string> { ["a"] = "one two three four five", ["b"] = "alpha beta gamma delta" };
        var predicted = new Dictionary<string, string> { ["a"] = "one two three four five" };

        var score = ExtractionMetric.Score(truth, predicted);

        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
    }

    [Fact]
    public void Short_texts_are_one_shingle()
    {
        var (tp, fp, fn) = ExtractionMetric.Compare("Breaking news", "Breaking news");

        Assert.Equal((1.0, 0.0, 0.0), (tp, fp, fn));
    }

    [Fact]
    public void Tokens_are_letters_and_numbers_of_any_script()
    {
        Assert.Equal(["Déjà", "vu", "in", "北京", "2026", "x²", "snake_case"], ExtractionMetric.Tokens("Déjà-vu in 北京, 2026! x² snake_case"));
    }
}
