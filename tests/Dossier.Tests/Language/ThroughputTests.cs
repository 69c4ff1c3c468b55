using System.Diagnostics;
using System.Text;
using Dossier.Language;
using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Language;

/// <summary>
/// Throughput per CPU-second (process CPU time, so a busy shared machine does not hide the figure the way
/// wall-clock timing does). The BenchmarkDotNet run (LanguageBenchmarks) compares against a peer; this
/// guards against regressions and prints the figure for docs/language.md.
/// </summary>
[Trait("Category", "SharedData")]
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void The_whole_stage_annotates_the_seeds_at_speed()
    {
        var seeds = SharedData.Require("seeds");
        var articles = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new Article(f, f, null, File.ReadAllText(f), ArticleMetadata.Empty, [])).ToArray();
        var bytes = articles.Sum(a => Encoding.UTF8.GetByteCount(a.Text));
        var annotator = new TextAnnotator();
        for (var i = 0; i < 200; i++)
        {
            foreach (var a in articles)
            {
                annotator.Annotate(a);
            }
        }

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var runs = 0;
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var a in articles)
            {
                annotator.Annotate(a);
            }

            runs++;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var mbPerCpuSecond = (double)runs * bytes / 1e6 / cpu;
        output.WriteLine($"{runs} runs over {bytes} bytes: {mbPerCpuSecond:F1} MB per CPU-second ({(double)runs * bytes / 1e6 / wall.Elapsed.TotalSeconds:F1} MB/s wall)");
        // The bar is 20 MB/s per core; half of it here so that a noisy shared runner does not fail the build.
        Assert.True(mbPerCpuSecond >= 10, $"{mbPerCpuSecond:F1} MB per CPU-second");
    }
}
