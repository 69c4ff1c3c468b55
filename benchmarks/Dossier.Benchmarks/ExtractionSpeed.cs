using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Dossier.Extraction;
using Dossier.Model;

namespace Dossier.Benchmarks;

/// <summary>
/// <c>extraction-speed DIR [--seconds N]</c>: pages per second of our HTML extractor over every page in
/// DIR (<c>*.html</c> or <c>*.html.gz</c>), held in memory, on one thread and on all cores. Used by
/// <c>benchmarks/extraction-vs-readability.sh</c> beside Readability.js on the same pages. With <c>--stages</c>
/// it prints where the time goes instead (<see cref="ExtractionStages"/>).
/// </summary>
internal static class ExtractionSpeed
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: extraction-speed DIR [--seconds N]");
            return 2;
        }

        var seconds = 10.0;
        var at = Array.IndexOf(args, "--seconds");
        if (at >= 0 && at + 1 < args.Length)
        {
            seconds = double.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        var pages = Load(args[0]);
        var extractor = new ArticleExtractor();
        if (args.Contains("--stages"))
        {
            return ExtractionStages.Run(pages, seconds);
        }

        // Warm-up: JIT, the language models and the phrase tables load once, outside the timing.
        var failed = 0;
        foreach (var page in pages)
        {
            failed += extractor.Extract(page).Article is null ? 1 : 0;
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (single, done) = Measure(pages, seconds, parallel: false, extractor);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var (multi, _) = Measure(pages, seconds, parallel: true, extractor);
        Console.WriteLine(FormattableString.Invariant($"pages: {pages.Count} (no article: {failed})"));
        Console.WriteLine(FormattableString.Invariant($"dossier single-thread: {single:F1} pages/s"));
        Console.WriteLine(FormattableString.Invariant($"dossier multi-core ({Environment.ProcessorCount} threads): {multi:F1} pages/s"));
        Console.WriteLine(FormattableString.Invariant($"dossier cpu: {done / cpu:F1} pages per cpu-second"));
        return 0;
    }

    /// <summary>Repeats whole passes over the pages until <paramref name="seconds"/> have gone by.</summary>
    private static (double PagesPerSecond, int Pages) Measure(List<SourceDocument> pages, double seconds, bool parallel, ArticleExtractor extractor)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            if (parallel)
            {
                Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p => extractor.Extract(p));
            }
            else
            {
                foreach (var p in pages)
                {
                    extractor.Extract(p);
                }
            }

            done += pages.Count;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        return (done / clock.Elapsed.TotalSeconds, done);
    }

    internal static List<SourceDocument> Load(string dir)
    {
        var pages = new List<SourceDocument>();
        foreach (var file in Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".html.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            using var reader = file.EndsWith(".gz", StringComparison.Ordinal) ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress)) : new StreamReader(stream);
            pages.Add(new SourceDocument(file, null, DocumentKind.Html, reader.ReadToEnd(), SourceHints.None));
        }

        return pages;
    }
}
