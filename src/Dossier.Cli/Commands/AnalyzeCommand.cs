using System.CommandLine;
using Dossier.Language;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;

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
        var threads = CliProgress.ThreadsOption();
        var quiet = CliProgress.QuietOption();
        var actors = ActorDictionaries.Option();

        var command = new Command("analyze", "Read reports, group them into stories, and fuse their claims into one record per event.")
        {
            paths, format, output, maxSize, threads, quiet, actors,
        };
        command.SetAction(parse => ReadingOptions.TryCreate(parse.GetValue(maxSize), out var options)
            && ActorDictionaries.TryAnnotator("analyze", parse.GetValue(actors), out var annotator)
            ? CliApp.Guard(() => Run(parse.GetValue(paths) ?? [], parse.GetValue(format)!, parse.GetValue(output), options,
                CliProgress.Threads(parse.GetValue(threads)), parse.GetValue(quiet), annotator))
            : CliApp.UsageError);
        return command;
    }

    private static int Run(string[] paths, string format, string? output, ReaderOptions options, int threads, bool quiet, TextAnnotator? annotator)
    {
        var writer = ResultWriters.For(format) ?? throw new UsageException($"unknown format '{format}'");

        foreach (var path in paths.Where(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new UsageException($"unknown option '{path}'");
        }

        var reader = new InputReader(options);
        IEnumerable<ReadItem> items;
        long? total;
        if (paths.Length == 0)
        {
            if (!quiet)
            {
                Console.Error.WriteLine($"dossier: no inputs given; analysing the built-in demo corpus ({InputReader.DemoFileNames().Count} files)");
            }

            items = reader.ReadDemo();
            total = InputReader.DemoFileNames().Count;
        }
        else
        {
            var expanded = InputPaths.Expand(paths).ToList();
            items = reader.Read(expanded);
            // The total is only needed for the time left, which only a terminal shows.
            total = quiet || Console.IsErrorRedirected ? null : CliProgress.CountFiles(expanded);
        }

        var builder = new DossierPipelineBuilder().UseClock(CliClock.Create()).UseParallelism(threads);
        var pipeline = (annotator is null ? builder : builder.UseAnnotator(annotator)).Build();
        var counter = new CliProgress.Counter();
        var summary = default(AnalysisSummary);
        OutputTarget.Write(output, "dossier" + writer.Extension, stream =>
            summary = CliProgress.Run(quiet, elapsed => CliProgress.Describe("Analysing", "documents", counter.Value, total, elapsed),
                () => pipeline.Run(items, new ErrorsToStderr(writer.CreateSink(stream)), new CliProgress.ToCounter(counter))));
        return summary!.Errors == 0 ? CliApp.Ok : CliApp.SomeInputsFailed;
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
