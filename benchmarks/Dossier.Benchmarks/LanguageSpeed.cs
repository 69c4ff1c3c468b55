using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dossier.Language;

namespace Dossier.Benchmarks;

/// <summary>
/// <c>language-speed [--seconds N | --passes N] [--seeds]</c>: the whole language stage (sentences, mentions, actors, times, quotes)
/// looped on one thread over the <see cref="LanguageBenchmarks.Corpus"/> texts (with <c>--seeds</c>, the seed
/// reports alone: real article text, as the unit test measures), in MB of UTF-8 text per
/// CPU-second of the process (GC included) and per wall second. A plain loop, so a profiler can attach to it.
/// </summary>
internal static class LanguageSpeed
{
    public static int Run(string[] args)
    {
        var seconds = 10.0;
        var at = Array.IndexOf(args, "--seconds");
        if (at >= 0 && at + 1 < args.Length)
        {
            seconds = double.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        var passes = Array.IndexOf(args, "--passes") is var p and >= 0 && p + 1 < args.Length ? int.Parse(args[p + 1], CultureInfo.InvariantCulture) : int.MaxValue;
        var articles = LanguageBenchmarks.Corpus(seedsOnly: args.Contains("--seeds"));
        var bytes = articles.Sum(a => Encoding.UTF8.GetByteCount(a.Text));
        var annotator = new TextAnnotator();
        for (var i = 0; i < 300; i++)
        {
            foreach (var a in articles)
            {
                annotator.Annotate(a);
            }
        }

        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var thread0 = ThreadCpuSeconds();
        var runs = 0;
        var wall = Stopwatch.StartNew();
        while (runs < passes && (passes != int.MaxValue || wall.Elapsed.TotalSeconds < seconds))
        {
            foreach (var a in articles)
            {
                annotator.Annotate(a);
            }

            runs++;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var thread = ThreadCpuSeconds() - thread0;
        var mb = (double)runs * bytes / 1e6;
        Console.WriteLine(FormattableString.Invariant($"corpus: {articles.Length} articles, {bytes} bytes; {runs} passes"));
        Console.WriteLine(FormattableString.Invariant($"language stage: {mb / thread:F1} MB per CPU-second of the thread, {mb / cpu:F1} of the process, {mb / wall.Elapsed.TotalSeconds:F1} MB/s wall"));
        return 0;
    }

    /// <summary>CPU time of the calling thread from /proc (Linux; clock ticks of 1/100 s), else of the process.</summary>
    internal static double ThreadCpuSeconds()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat))
        {
            return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        }

        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
