using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dossier.Events;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;
using Dossier.Vocabulary;

namespace Dossier.Benchmarks;

/// <summary>
/// The per-article stages after extraction (language, coder, grouping features) on real-length reports, with the
/// article's one word scan (<see cref="TextWords"/>) shared by all three, against the same stages where the coder
/// and grouping features find no scan and look every word up in memos of their own (the way before the scan; the
/// language stage still uses it in both). Reports: the first 100 of <c>DOSSIER_REAL_JSONL</c> (default
/// <c>/tmp/r1k.jsonl</c>, written by <c>real-corpus 1000 5</c>).
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class SharedWordsBenchmarks
{
    /// <summary>A short run inside this process: on a loaded two-core machine the generated project's build can time out.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private readonly TextAnnotator annotator = new();
    private readonly CameoEventCoder coder = new();
    private Article[] articles = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("DOSSIER_REAL_JSONL") ?? "/tmp/r1k.jsonl";
        var list = RealCorpusArticles.Read(path, 100);

        articles = [.. list];
    }

    /// <summary>The coder and grouping features without the scan: a scan of another text stands in between the stages.</summary>
    [Benchmark(Baseline = true)]
    public int Separate()
    {
        var n = 0;
        foreach (var article in articles)
        {
            var annotated = annotator.Annotate(article);
            TextWords.Scan("-");
            annotated = coder.Code(annotated);
            TextWords.Scan("-");
            n += ArticleFeatures.Of(annotated).TermCounts.Length;
        }

        return n;
    }

    /// <summary>The three stages reading the one scan the language stage made, as in a run.</summary>
    [Benchmark]
    public int Shared()
    {
        var n = 0;
        foreach (var article in articles)
        {
            n += ArticleFeatures.Of(coder.Code(annotator.Annotate(article))).TermCounts.Length;
        }

        return n;
    }
}
