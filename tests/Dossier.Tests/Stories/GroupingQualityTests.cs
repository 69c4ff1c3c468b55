using Dossier.Testing;

namespace Dossier.Tests.Stories;

[Trait("Category", SharedData.Category)]
public class GroupingQualityTests
{
    [Fact]
    public void Benchmark_pages_join_no_demo_or_seed_story_and_pairwise_F1_is_at_least_0_95()
    {
        var pages = Directory.GetFiles(SharedData.Require("eval/article-extraction-benchmark/html"), "*.html.gz").Order(StringComparer.Ordinal).ToList();
        var seeds = Directory.GetFiles(SharedData.Require("seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();

        // Interleave so that unrelated pages arrive between the reports of one story, as in a real stream.
        var inputs = new List<string>();
        inputs.AddRange(pages.Take(90));
        inputs.AddRange(DemoCorpus.Files());
        inputs.Add(seeds[0]);
        inputs.AddRange(pages.Skip(90));
        inputs.Add(seeds[1]);
        var result = DemoCorpus.Analyze(inputs);

        var labels = DemoCorpus.Labels(result.Articles);
        var expectedOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in DemoCorpus.Expected())
        {
            foreach (var label in story.Articles)
            {
                expectedOf[label] = story.Key;
            }
        }

        foreach (var seed in seeds)
        {
            expectedOf[Path.GetFileName(seed)] = "seeds";
        }

        // Demo and seed reports belong to their expected stories. The benchmark pages have no story labels (and
        // some of them report the same 2019 events, e.g. two reports of one court ruling), so pairs of two pages
        // are not scored; every pair with at least one labelled report is.
        string Truth(string id) => expectedOf.TryGetValue(labels[id], out var key) ? key : "page:" + labels[id];
        var predicted = result.Stories.SelectMany(s => s.ArticleIds.Select(id => (id, s.Id))).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);

        var intruders = result.Stories.Where(s => s.ArticleIds.Any(id => !Truth(id).StartsWith("page:", StringComparison.Ordinal)))
            .SelectMany(s => s.ArticleIds.Where(id => Truth(id).StartsWith("page:", StringComparison.Ordinal)).Select(id => s.Id + " <- " + labels[id])).ToList();
        Assert.True(intruders.Count == 0, "benchmark pages in demo or seed stories: " + string.Join("; ", intruders));

        var ids = result.Articles.Select(a => a.Article.Id).ToList();
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                if (Truth(ids[i]).StartsWith("page:", StringComparison.Ordinal) && Truth(ids[j]).StartsWith("page:", StringComparison.Ordinal))
                {
                    continue;
                }

                var samePredicted = predicted[ids[i]] == predicted[ids[j]];
                var sameTruth = Truth(ids[i]) == Truth(ids[j]);
                tp += samePredicted && sameTruth ? 1 : 0;
                fp += samePredicted && !sameTruth ? 1 : 0;
                fn += !samePredicted && sameTruth ? 1 : 0;
            }
        }

        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        var merged = result.Stories.Where(s => s.ArticleIds.Select(Truth).Where(t => !t.StartsWith("page:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(s => string.Join(",", s.ArticleIds.Select(id => labels[id][..Math.Min(12, labels[id].Length)])));
        Assert.True(f1 >= 0.95, $"pairwise F1 {f1:F3} (P {precision:F3}, R {recall:F3}, tp {tp} fp {fp} fn {fn}); mixed stories: {string.Join(" | ", merged)}");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "dossier-grouping-f1.txt"), $"pairwise F1 {f1:F3} P {precision:F3} R {recall:F3} tp {tp} fp {fp} fn {fn} articles {ids.Count} stories {result.Stories.Length}");
    }
}
