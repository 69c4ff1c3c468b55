using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Dossier.Language;
using Dossier.Model;

namespace Dossier.Benchmarks;

/// <summary>
/// The language stage over the seed reports (read from ../shared at run time) and our own spec texts,
/// against a naive regex sentence split as the baseline peer in the same run. Throughput in MB/s is the
/// corpus size (printed at setup) divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public partial class LanguageBenchmarks
{
    private readonly TextAnnotator annotator = new();
    private Article[] articles = [];

    [GlobalSetup]
    public void Setup()
    {
        articles = Corpus();
        var bytes = articles.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Text));
        Console.WriteLine($"// corpus: {articles.Length} articles, {bytes} bytes of UTF-8 text");
    }

    /// <summary>The seed reports (when ../shared is there) and our spec texts joined into article-sized paragraphs.</summary>
    internal static Article[] Corpus(bool seedsOnly = false)
    {
        var root = FindRoot();
        var texts = new List<string>();
        var seeds = Path.Combine(root, "..", "shared", "seeds");
        if (Directory.Exists(seeds))
        {
            foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
            {
                texts.Add(File.ReadAllText(file));
            }
        }

        // Our own golden-case texts, joined into article-sized paragraphs.
        foreach (var spec in seedsOnly ? Enumerable.Empty<string>() : Directory.GetFiles(Path.Combine(root, "specs", "language"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(spec));
            texts.Add(string.Join("\n\n", doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("input").GetString())));
        }

        return [.. texts.Select((t, i) => new Article("bench" + i, "bench", null, t, ArticleMetadata.Empty, ImmutableArray<RemovedBlock>.Empty))];
    }

    [Benchmark(Baseline = true, Description = "naive regex sentence split")]
    public int RegexSentences()
    {
        var n = 0;
        foreach (var a in articles)
        {
            n += NaiveSplit().Split(a.Text).Length;
        }

        return n;
    }

    [Benchmark(Description = "sentences")]
    public int Sentences()
    {
        var n = 0;
        foreach (var a in articles)
        {
            n += SentenceSplitter.Split(a.Text).Length;
        }

        return n;
    }

    [Benchmark(Description = "sentences+mentions+actors+times+quotes")]
    public int Annotate()
    {
        var n = 0;
        foreach (var a in articles)
        {
            var r = annotator.Annotate(a);
            n += r.Mentions.Length + r.Times.Length + r.Quotes.Length;
        }

        return n;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex NaiveSplit();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
