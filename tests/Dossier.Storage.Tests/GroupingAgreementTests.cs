using Dossier.Stories;
using Dossier.Reading;
using Dossier.Testing;

namespace Dossier.Storage.Tests;

/// <summary>
/// `analyze` and `ingest` are one grouping: the same input gives the same stories, and `ingest` gives the same
/// stories whether a stream arrives in one run, in ten, or backwards. On the demo corpus and on the
/// development set of look-alike events (<c>../shared/eval/coverage</c>) and the seeds (<c>../shared/seeds</c>).
/// Both sides run the pipeline the CLI builds (every default stage, the real event coder), and ingest writes
/// batches of 50 so that the development set crosses batch boundaries.
/// </summary>
public sealed class GroupingAgreementTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("dossier-agreement-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public void Analyze_and_ingest_give_the_same_stories_on_the_demo()
    {
        var files = TestCorpus.DemoFiles();
        Assert.Equal(Analyzed(files), Ingested([files]));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Analyze_and_ingest_give_the_same_stories_on_the_development_set()
    {
        var dev = SharedData.Require("eval/coverage/dev.jsonl");
        Assert.Equal(Analyzed([dev]), Ingested([[dev]]));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Analyze_and_ingest_give_the_same_series_on_the_development_set()
    {
        var dev = SharedData.Require("eval/coverage/dev.jsonl");
        var analyzed = AnalyzedSeries([dev]);
        Assert.True(analyzed.Count >= 3, $"{analyzed.Count} series");
        Assert.Equal(analyzed, IngestedSeries([[dev]]));
    }

    [Fact]
    public void Analyze_and_ingest_give_the_same_series_on_our_own_rounds()
    {
        var rounds = SeriesReports.Write(Path.Combine(work.FullName, "rounds.jsonl"));
        var analyzed = AnalyzedSeries([rounds]);
        Assert.Single(analyzed);
        Assert.Equal(analyzed, IngestedSeries([[rounds]]));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Analyze_and_ingest_give_the_same_stories_on_the_seeds()
    {
        var seeds = SharedData.Require("seeds");
        Assert.Equal(Analyzed([seeds]), Ingested([[seeds]]));
    }

    [Fact]
    public void Analyze_and_ingest_give_the_same_stories_over_the_groupers_budget_on_the_demo()
    {
        // A budget of a few open reports: groups close while the stream goes on, as on a long archive, and
        // ingest's one session per run must close them where analyze does.
        var files = TestCorpus.DemoFiles();
        var pipeline = SmallBudgetPipeline();
        Assert.Equal(Analyzed(files, pipeline), Ingested([files], pipeline));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Analyze_and_ingest_give_the_same_stories_over_the_groupers_budget_on_the_development_set()
    {
        var dev = SharedData.Require("eval/coverage/dev.jsonl");
        var pipeline = SmallBudgetPipeline();
        Assert.Equal(Analyzed([dev], pipeline), Ingested([[dev]], pipeline));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Ingest_in_one_run_in_ten_runs_and_backwards_gives_the_same_stories()
    {
        var lines = File.ReadAllLines(SharedData.Require("eval/coverage/dev.jsonl")).Where(l => l.Length > 0).ToList();
        var whole = Write("whole.jsonl", lines);
        var parts = lines.Chunk((lines.Count + 9) / 10).Select((chunk, i) => Write($"part{i:D2}.jsonl", chunk)).ToList();
        var backwards = Write("backwards.jsonl", Enumerable.Reverse(lines));

        var once = ByText(Ingest([[whole]]));
        Assert.Equal(once, ByText(Ingest([.. parts.Select(p => new[] { p })])));
        Assert.Equal(once, ByText(Ingest([[backwards]])));
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(work.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Stories of `analyze` as sorted sets of "path#record" (announcements included: ingest stores them with their story).</summary>
    private static List<string> Analyzed(IReadOnlyList<string> paths, DossierPipeline? pipeline = null)
    {
        var result = (pipeline ?? CliPipeline()).Analyze(new InputReader().Read(paths));
        var label = result.Articles.ToDictionary(a => a.Article.Id, a => a.Article.Path + "#" + a.Article.Record, StringComparer.Ordinal);
        return [.. result.Stories.Select(s => string.Join(' ', s.ArticleIds.Concat(s.AnnouncementIds).Select(id => label[id]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }

    /// <summary>Series of `analyze`, each as its stories in order, each story as its sorted "path#record" labels.</summary>
    private static List<string> AnalyzedSeries(IReadOnlyList<string> paths)
    {
        var result = CliPipeline().Analyze(new InputReader().Read(paths));
        var label = result.Articles.ToDictionary(a => a.Article.Id, a => a.Article.Path + "#" + a.Article.Record, StringComparer.Ordinal);
        var stories = result.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return [.. result.Series.Select(series => string.Join(" / ", series.Stories.Select(e =>
            string.Join(' ', stories[e.StoryId].ArticleIds.Concat(stories[e.StoryId].AnnouncementIds).Select(id => label[id]).Order(StringComparer.Ordinal)))))];
    }

    /// <summary>Series of `ingest`, as <see cref="AnalyzedSeries"/> writes them.</summary>
    private List<string> IngestedSeries(IReadOnlyList<IReadOnlyList<string>> runs)
    {
        using var store = Ingest(runs);
        return [.. store.AllSeries().Select(series => string.Join(" / ", series.Stories.Select(e =>
            string.Join(' ', store.ArticlesOf(e.StoryId).Select(a => a.Article.Article.Path + "#" + a.Article.Article.Record).Order(StringComparer.Ordinal)))))];
    }

    /// <summary>Stories of `ingest` (one run per element of <paramref name="runs"/>) as sorted sets of "path#record".</summary>
    private List<string> Ingested(IReadOnlyList<IReadOnlyList<string>> runs, DossierPipeline? pipeline = null)
    {
        using var store = Ingest(runs, pipeline);
        return [.. store.AllStories().Select(s => string.Join(' ', store.ArticlesOf(s.Id).Select(a => a.Article.Article.Path + "#" + a.Article.Article.Record).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }

    private DossierStore Ingest(IReadOnlyList<IReadOnlyList<string>> runs, DossierPipeline? pipeline = null)
    {
        var db = Path.Combine(work.FullName, Guid.NewGuid().ToString("N") + ".db");
        foreach (var run in runs)
        {
            using var store = DossierStore.Open(db, new StoreOptions { BatchSize = 50 });
            store.Ingest(TestCorpus.Read(run), pipeline ?? CliPipeline());
        }

        return DossierStore.Open(db, new StoreOptions());
    }

    /// <summary>The pipeline `dossier analyze` and `dossier ingest` build: every default stage (the clock does not touch grouping).</summary>
    private static DossierPipeline CliPipeline() => new DossierPipelineBuilder().UseParallelism(2).Build();

    /// <summary>The CLI's pipeline with a grouper that holds at most 8 open reports before closing groups by the stream's dates.</summary>
    private static DossierPipeline SmallBudgetPipeline() =>
        new DossierPipelineBuilder().UseParallelism(2).UseStoryGrouper(new StoryGrouper(new StoryGrouperOptions { OpenReports = 8, ActiveArticles = 4 })).Build();

    /// <summary>Stories as sorted sets of stored texts: the file and line an article came from differ between the runs compared.</summary>
    private static List<string> ByText(DossierStore store)
    {
        using (store)
        {
            return [.. store.AllStories().Select(s => string.Join(' ', store.ArticlesOf(s.Id).Select(a => a.ContentKey).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
        }
    }
}
