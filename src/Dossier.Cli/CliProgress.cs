using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Dossier.Cli;

/// <summary>
/// Progress for the long commands (<c>analyze</c>, <c>ingest</c>, <c>export</c>): a status line on stderr with the
/// count, the rate and the time left, shown only when stderr is a terminal, the work has taken over a second and
/// <c>--quiet</c> was not given. Redirected stderr (a log, a pipe, CI) gets nothing but the errors.
/// </summary>
internal static class CliProgress
{
    /// <summary><c>-q/--quiet</c>: no progress, no summary line; errors are still printed.</summary>
    public static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "Print errors only: no progress, no summary" };

    /// <summary><c>-j/--threads</c>: how many articles are processed at once.</summary>
    public static Option<int?> ThreadsOption() => new("--threads", "-j") { Description = $"Articles processed in parallel (default: one per core, {Environment.ProcessorCount} here)" };

    /// <summary>The thread count asked for, checked: a usage error when below 1.</summary>
    public static int Threads(int? asked) => asked switch
    {
        null => Environment.ProcessorCount,
        < 1 => throw new UsageException($"--threads: expected 1 or more, got {asked}"),
        _ => asked.Value,
    };

    /// <summary>Runs <paramref name="work"/>, showing <paramref name="describe"/>'s line while it runs (see the class summary).</summary>
    public static T Run<T>(bool quiet, Func<TimeSpan, string> describe, Func<T> work)
    {
        if (quiet || Console.IsErrorRedirected)
        {
            return work();
        }

        var clock = Stopwatch.StartNew();
        var run = Task.Run(work);
        if (run.Wait(TimeSpan.FromSeconds(1)))
        {
            return run.GetAwaiter().GetResult();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Status().Start(Markup.Escape(describe(clock.Elapsed)), context =>
        {
            while (!run.Wait(TimeSpan.FromMilliseconds(250)))
            {
                context.Status(Markup.Escape(describe(clock.Elapsed)));
            }
        });
        return run.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The status line: <c>Ingesting… 1,200 of 100,000 documents, 850/s, about 2 min left</c>. Without a total
    /// (standard input) there is no time left.
    /// </summary>
    public static string Describe(string verb, string unit, long done, long? total, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var line = verb + "… " + N(done) + (total is { } all ? " of " + N(all) : "") + " " + unit + ", " + N((long)(done / seconds)) + "/s";
        if (total is { } t && done > 0 && t > done)
        {
            line += ", about " + Duration(TimeSpan.FromSeconds(seconds * (t - done) / done)) + " left";
        }
        else if (total is { } read && done >= read)
        {
            // Everything is read; the last batches are still being processed and written.
            line += ", finishing";
        }

        return line;
    }

    /// <summary>A short duration: <c>45 s</c>, <c>3 min</c>, <c>1 h 20 min</c>.</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 90 => N((long)Math.Ceiling(span.TotalSeconds)) + " s",
        < 5400 => N((long)Math.Round(span.TotalMinutes)) + " min",
        _ => N((long)span.TotalHours) + " h " + N(span.Minutes) + " min",
    };

    /// <summary>
    /// How many files <paramref name="paths"/> name (folders walked); null when one is standard input. Progress treats it as
    /// the number of documents: exact for folders of pages or text files; a WARC or JSONL file counts once, so with
    /// containers the line reaches "finishing" early.
    /// </summary>
    public static long? CountFiles(IEnumerable<string> paths)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        long count = 0;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                return null;
            }

            count += Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", options).LongCount() : 1;
        }

        return count;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count reported from worker threads and read by the status line.</summary>
    public sealed class Counter
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        public void Set(long count) => Interlocked.Exchange(ref value, count);
    }

    /// <summary>Passes a reported count to a <see cref="Counter"/> at once, on the reporting thread (Progress&lt;T&gt; would post to a context).</summary>
    public sealed class ToCounter(Counter counter) : IProgress<int>
    {
        public void Report(int value) => counter.Set(value);
    }
}
