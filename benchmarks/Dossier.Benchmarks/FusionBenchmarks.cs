using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Dossier.Fusion;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;

namespace Dossier.Benchmarks;

/// <summary>
/// Claim fusion by story size, on real-length text: one benchmark body carried by k sites (the variants of
/// <see cref="RealLengthCorpus"/>: verbatim, datelined, a paragraph dropped, paragraphs swapped). The peer in
/// the same run is the story of 5: fusion time per report should stay flat as k grows, which it does only
/// when copies of one text are aligned once.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class FusionBenchmarks
{
    private StoryCluster cluster = null!;

    [Params(5, 55, 500, 5000)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup() => cluster = Story(Copies) ?? throw new InvalidOperationException("../shared/eval/article-extraction-benchmark not found");

    [Benchmark]
    public int Fuse() => new ClaimFuser().Fuse(cluster).Claims.Length;

    /// <summary>A story of <paramref name="copies"/> reports of one real body; null without the shared data.</summary>
    public static StoryCluster? Story(int copies, int body = 3)
    {
        var bodies = RealLengthCorpus.Bodies();
        if (bodies is null)
        {
            return null;
        }

        // Annotate a few dozen distinct variants once; further copies reuse them under their own ids, as
        // syndicated copies carry the same text (annotating 5,000 copies would only slow the setup).
        var reports = RealLengthCorpus.Generate([bodies[body]], Math.Min(copies, 60), Math.Min(copies, 60), seed: 5);
        var reader = new InputReader();
        var jsonl = string.Join('\n', reports.Select(r => System.Text.Json.JsonSerializer.Serialize(new { url = r.Url, title = r.Title, published = r.Published, outlet = r.Outlet, text = r.Text })));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jsonl));
        var annotated = DossierPipeline.Default.ProcessAll(reader.Read("bench.jsonl", stream).ToList()).Select(x => x.Article).OfType<AnnotatedArticle>().ToList();
        var articles = ImmutableArray.CreateBuilder<AnnotatedArticle>(copies);
        for (var i = 0; i < copies; i++)
        {
            var a = annotated[i % annotated.Count];
            var id = "a" + i.ToString(CultureInfo.InvariantCulture);
            articles.Add(a with { Article = a.Article with { Id = id, Metadata = a.Article.Metadata with { Outlet = "site" + i.ToString(CultureInfo.InvariantCulture) + ".example" } } });
        }

        var all = articles.MoveToImmutable();
        return new StoryCluster("s1", all, [.. all.Select(a => new SourceGroup(a.Article.Metadata.Outlet!, [a.Article.Id]))]);
    }

    /// <summary><c>fusion-speed [K…]</c>: fuses a story of each size five times and prints the best wall and CPU time (a plain loop for profilers).</summary>
    public static int Run(string[] args)
    {
        var sizes = args.Length == 0 ? [5, 55, 500, 5000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var fuser = new ClaimFuser();
        foreach (var k in sizes)
        {
            var story = Story(k);
            if (story is null)
            {
                Console.Error.WriteLine("fusion-speed: shared data not found");
                return 2;
            }

            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            var claims = 0;
            for (var run = 0; run < 5; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                claims = fuser.Fuse(story).Claims.Length;
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }

            // Process CPU time (collector threads included) is what load on a shared machine distorts least.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k,5} copies: {best,9:F1} ms wall, {bestCpu,9:F1} ms CPU (best of 5), {best / k,7:F3} ms per report, {claims} claims"));
        }

        return 0;
    }
}
