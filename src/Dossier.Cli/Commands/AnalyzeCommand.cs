using System.CommandLine;
using System.Diagnostics;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier analyze</c>: the main job, from reports to story dossiers.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively), globs, or - for stdin. None: the built-in demo corpus.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: md (brief), json (the output contract), html (brief page).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. ResultWriters.All.Select(w => w.Format)]);
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file, or into this folder as dossier.<ext>. Default: standard output.",
        };
        var maxSize = ReadingOptions.MaxSizeOption();

        var command = new Command("analyze", "Read reports, group them into stories, and fuse their claims into one record per event.")
        {
            paths, format, output, maxSize,
        };
        command.SetAction(parse => ReadingOptions.TryCreate(parse.GetValue(maxSize), out var options)
            ? CliApp.Guard(() => Run(parse.GetValue(paths) ?? [], parse.GetValue(format)!, parse.GetValue(output), options))
            : CliApp.UsageError);
        return command;
    }

    private static int Run(string[] paths, string format, string? output, ReaderOptions options)
    {
        var writer = ResultWriters.For(format) ?? throw new UsageException($"unknown format '{format}'");

        foreach (var path in paths.Where(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new UsageException($"unknown option '{path}'");
        }

        var reader = new InputReader(options);
        IEnumerable<ReadItem> items;
        if (paths.Length == 0)
        {
            Console.Error.WriteLine($"dossier: no inputs given; analysing the built-in demo corpus ({InputReader.DemoFileNames().Count} files)");
            items = reader.ReadDemo();
        }
        else
        {
            items = reader.Read(InputPaths.Expand(paths));
        }

        var pipeline = new DossierPipelineBuilder().UseClock(CliClock.Create()).Build();
        var summary = default(AnalysisSummary);
        OutputTarget.Write(output, "dossier" + writer.Extension, stream =>
            summary = RunWithProgress(pipeline, items, new ErrorsToStderr(writer.CreateSink(stream))));
        return summary!.Errors == 0 ? CliApp.Ok : CliApp.SomeInputsFailed;
    }

    /// <summary>Runs the analysis; when it takes over a second and stderr is a terminal, shows progress there.</summary>
    private static AnalysisSummary RunWithProgress(DossierPipeline pipeline, IEnumerable<ReadItem> items, IAnalysisSink sink)
    {
        var done = 0;
        var counter = new CountingProgress(n => Volatile.Write(ref done, n));
        var run = Task.Run(() => pipeline.Run(items, sink, counter));
        if (Console.IsErrorRedirected || run.Wait(TimeSpan.FromSeconds(1)))
        {
            return run.GetAwaiter().GetResult();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();
        console.Status().Start("Analysing…", context =>
        {
            while (!run.Wait(TimeSpan.FromMilliseconds(200)))
            {
                var n = Volatile.Read(ref done);
                context.Status($"Analysing… {n} inputs, {n / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0}/s");
            }
        });
        return run.GetAwaiter().GetResult();
    }

    /// <summary>A synchronous progress sink (Progress&lt;T&gt; posts to a context; this one just calls back).</summary>
    private sealed class CountingProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>Prints each failed input as one line on stderr as soon as it fails, and passes everything on.</summary>
    private sealed class ErrorsToStderr(IAnalysisSink inner) : IAnalysisSink
    {
        public void Begin(DateTimeOffset generatedAt) => inner.Begin(generatedAt);

        public void Article(AnnotatedArticle article) => inner.Article(article);

        public void Story(Story story) => inner.Story(story);

        public void Error(InputError error)
        {
            Console.Error.WriteLine(error.ToString());
            inner.Error(error);
        }

        public void Complete(AnalysisSummary summary) => inner.Complete(summary);
    }
}
