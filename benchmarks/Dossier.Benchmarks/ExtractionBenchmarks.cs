using BenchmarkDotNet.Attributes;
using Dossier.Extraction;
using Dossier.Model;

namespace Dossier.Benchmarks;

/// <summary>
/// Our HTML extractor against SmartReader (a Readability port on NuGet) on the same pages of the
/// 181-page benchmark in <c>../shared/eval</c>: one operation extracts a fixed batch of pages.
/// Run: <c>dotnet run -c Release --project benchmarks/Dossier.Benchmarks -- --filter '*ExtractionBenchmarks*' --buildTimeout 600</c>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    /// <summary>Pages per operation: the first pages by name, enough to mix sites, few enough for a short run.</summary>
    public const int BatchSize = 10;

    private readonly ArticleExtractor extractor = new();
    private List<SourceDocument> pages = [];

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("DOSSIER_SHARED") ?? Path.Combine(FindRepoRoot(), "..", "shared");
        var dir = Path.Combine(shared, "eval", "article-extraction-benchmark", "html");
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException("benchmark pages not found: " + dir);
        }

        pages = ExtractionSpeed.Load(dir).Take(BatchSize).ToList();
    }

    [Benchmark(Baseline = true)]
    public int SmartReader()
    {
        var chars = 0;
        foreach (var page in pages)
        {
            var article = new SmartReader.Reader("https://example.org/" + Path.GetFileName(page.Path), page.Content).GetArticle();
            chars += article.TextContent?.Length ?? 0;
        }

        return chars;
    }

    [Benchmark]
    public int Dossier()
    {
        var chars = 0;
        foreach (var page in pages)
        {
            chars += extractor.Extract(page).Article?.Text.Length ?? 0;
        }

        return chars;
    }

    /// <summary>
    /// The nesting scan every page now goes through before parsing (issue 20), alone: its cost beside
    /// <see cref="Dossier"/> in the same run is what it adds to extraction.
    /// </summary>
    [Benchmark]
    public int NestingScan()
    {
        var chars = 0;
        foreach (var page in pages)
        {
            chars += Extraction.Html.NestingLimiter.Limit(page.Content).Length;
        }

        return chars;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
