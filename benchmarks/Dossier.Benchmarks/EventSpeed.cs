using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dossier.Events;
using Dossier.Language;
using Dossier.Model;

namespace Dossier.Benchmarks;

/// <summary>
/// <c>events-speed FILE.jsonl [--articles N] [--seconds N]</c>: the CAMEO coder alone (<see cref="CameoEventCoder.Code"/>)
/// looped on one thread over the first N reports of a JSONL corpus (<c>real-corpus</c> writes one), annotated once
/// beforehand by the language stage, in articles per CPU-second of the thread and of the process (GC included).
/// A plain loop, so a profiler can attach to it and a peer build can run the same file.
/// </summary>
internal static class EventSpeed
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: events-speed FILE.jsonl [--articles N] [--seconds N]");
            return 2;
        }

        var count = Option(args, "--articles", 500);
        var seconds = Option(args, "--seconds", 10);
        var annotator = new TextAnnotator();
        var articles = RealCorpusArticles.Read(args[0], count).Select(annotator.Annotate).ToList();

        var coder = new CameoEventCoder();
        var events = 0L;
        // Warm up: every method reaches its final JIT tier before the clock starts.
        for (var i = 0; i < 3; i++)
        {
            foreach (var a in articles)
            {
                events += coder.Code(a).Events.Length;
            }
        }

        var gc0 = GC.CollectionCount(0);
        var allocated0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var thread0 = LanguageSpeed.ThreadCpuSeconds();
        var wall = Stopwatch.StartNew();
        var coded = 0L;
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            foreach (var a in articles)
            {
                events += coder.Code(a).Events.Length;
            }

            coded += articles.Count;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var thread = LanguageSpeed.ThreadCpuSeconds() - thread0;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;
        Console.WriteLine(FormattableString.Invariant($"corpus: {articles.Count} articles of {args[0]}; {coded} coded ({events} events in all)"));
        Console.WriteLine(FormattableString.Invariant($"coder: {coded / thread:F0} articles per CPU-second of the thread, {coded / cpu:F0} of the process, {coded / wall.Elapsed.TotalSeconds:F0}/s wall; {allocated / (double)coded / 1024:F0} KiB allocated per article, {GC.CollectionCount(0) - gc0} gen-0 collections"));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
