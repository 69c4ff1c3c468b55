using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dossier.Fusion;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Benchmarks;

/// <summary>
/// Grouping with blocking against all-pairs grouping (the baseline: every article scored against every open
/// story) on the same generated stream, at a size the baseline can still finish.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class StoryGroupingBenchmarks
{
    private List<(AnnotatedArticle Article, ArticleFeatures Features)> stream = [];

    [Params(2000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() =>
        stream = [.. new CorpusGenerator().Generate(Articles, seed: 7).Select(x => (x.Article, ArticleFeatures.Of(x.Article)))];

    [Benchmark(Baseline = true)]
    public int AllPairs()
    {
        // Blocking that blocks nothing (every term a key, no key too common) and no closing: about quadratic.
        var session = new StoryGroupingSession(new StoryGrouperOptions { MaxPostings = int.MaxValue, BlockingTerms = 400, CloseAfterDays = 100_000, OpenReports = int.MaxValue });
        foreach (var (article, features) in stream)
        {
            session.Add(article, features);
        }

        return session.Stories.Count;
    }

    [Benchmark]
    public int Blocked()
    {
        var session = new StoryGroupingSession(new StoryGrouperOptions());
        foreach (var (article, features) in stream)
        {
            session.Add(article, features);
        }

        return session.Stories.Count;
    }
}

/// <summary>
/// The link test over candidate pairs of generated reports, with each report's <see cref="LinkKey"/> against the
/// baseline of keys that rule nothing out (every pair reads its features' arrays): the same answers, what the keys save.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LinkTestBenchmarks
{
    private ArticleFeatures[] reports = [];
    private LinkKey[] keys = [];
    private LinkKey[] permissive = [];
    private readonly StoryGrouperOptions options = new();

    [GlobalSetup]
    public void Setup()
    {
        reports = [.. new CorpusGenerator().Generate(2000, seed: 7).Select(x => ArticleFeatures.Of(x.Article))];
        keys = [.. reports.Select(r => r.Key)];
        var shares = default(LinkKey.BucketShares);
        for (var k = 0; k < LinkKey.Buckets; k++)
        {
            shares[k] = 255;
        }

        permissive = [.. keys.Select(k => k with { SignatureLength = 0, EntityMask = ~0UL, SingleNameMask = ~0UL, NameWordMask = ~0UL, TermBuckets = UInt128.MaxValue, TermShares = shares })];
    }

    [Benchmark(Baseline = true)]
    public int WithoutKeys() => Links(permissive);

    [Benchmark]
    public int WithKeys() => Links(keys);

    // Each report against the 200 after it: the pairs a session's postings would offer.
    private int Links(LinkKey[] with)
    {
        var linked = 0;
        for (var i = 0; i < reports.Length; i++)
        {
            for (var j = i + 1; j < Math.Min(reports.Length, i + 200); j++)
            {
                linked += EventClustering.Link(reports[i].Window, with[i], reports[i], reports[j].Window, with[j], reports[j], options) == LinkStrength.None ? 0 : 1;
            }
        }

        return linked;
    }
}

/// <summary>
/// The cost run: N generated articles grouped and fused end to end, closed stories fused and dropped as the
/// stream goes on (memory bounded by the open stories). One measured run per size; the fitted exponent of
/// time over N is in docs/stories.md.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class StoryScaleBenchmarks
{
    private List<AnnotatedArticle> stream = [];

    [Params(1_000, 10_000, 100_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => stream = [.. new CorpusGenerator().Generate(Articles, seed: 11).Select(x => x.Article)];

    [Benchmark]
    public int GroupAndFuse() => Run(stream).Claims;

    /// <summary>Groups and fuses a stream; features and fusion run in parallel, grouping in stream order.</summary>
    public static (int Stories, int Claims, int PeakOpen) Run(IReadOnlyList<AnnotatedArticle> articles)
    {
        var session = new StoryGroupingSession(new StoryGrouperOptions());
        var fuser = new ClaimFuser();
        var stories = 0;
        var claims = 0;
        var peak = 0;
        var pending = new BlockingCollection<StoryCluster>(boundedCapacity: 4096);
        var fusing = Task.Run(() =>
        {
            var local = 0;
            Parallel.ForEach(pending.GetConsumingEnumerable(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, cluster =>
            {
                Interlocked.Add(ref local, fuser.Fuse(cluster).Claims.Length);
            });
            return local;
        });

        var features = articles.AsParallel().AsOrdered().Select(a => (a, ArticleFeatures.Of(a)));
        foreach (var (article, f) in features)
        {
            session.Add(article, f);
            peak = Math.Max(peak, session.ActiveCount);
            foreach (var closed in session.DrainClosed())
            {
                stories++;
                pending.Add(closed);
            }
        }

        session.CloseAll();
        foreach (var closed in session.DrainClosed())
        {
            stories++;
            pending.Add(closed);
        }

        pending.CompleteAdding();
        claims = fusing.GetAwaiter().GetResult();
        return (stories, claims, peak);
    }
}
