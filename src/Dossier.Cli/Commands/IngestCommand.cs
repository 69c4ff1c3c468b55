using System.CommandLine;
using Dossier.Reading;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier ingest PATHS... [--db FILE|CONNECTION]</c>: adds new reports to a database, incrementally.</summary>
internal static class IngestCommand
{
    /// <summary>
    /// The <c>--db</c> option every store command shares. It has no default value of its own: help prints a default,
    /// and DOSSIER_DB may be a connection string with a password. <see cref="Db"/> resolves it.
    /// </summary>
    internal static Option<string?> DbOption() => new("--db")
    {
        Description = "SQLite file, or a PostgreSQL connection string (\"Host=…;Database=…\") [default: $DOSSIER_DB, else dossier.db]",
    };

    /// <summary>The database named by <c>--db</c>, else DOSSIER_DB, else <c>dossier.db</c>.</summary>
    internal static string Db(ParseResult parseResult, Option<string?> option)
    {
        var given = parseResult.GetValue(option);
        return !string.IsNullOrWhiteSpace(given) ? given
            : Environment.GetEnvironmentVariable("DOSSIER_DB") is { Length: > 0 } fromEnvironment ? fromEnvironment : "dossier.db";
    }

    /// <summary>One line on stderr about <paramref name="db"/>, with its password (if any) redacted in both the name and the message.</summary>
    internal static void Fail(string db, Exception e) =>
        Console.Error.WriteLine($"dossier: {DossierStore.Redact(db)}: {DossierStore.Redact(e.Message.ReplaceLineEndings(" "), db)}");

    /// <summary>
    /// Opens the store read-only and runs <paramref name="body"/>; a missing database file, or one that cannot be opened
    /// or read, is one line on stderr and exit 1 (never a new empty database).
    /// </summary>
    internal static int WithStore(string db, Func<DossierStore, int> body)
    {
        try
        {
            using var store = DossierStore.OpenReadOnly(db);
            return body(store);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            Fail(db, e);
            return 1;
        }
    }

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (recursive), globs or - for stdin", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var batch = new Option<int>("--batch-size") { Description = "Articles per transaction", DefaultValueFactory = _ => new StoreOptions().BatchSize };
        var verbose = new Option<bool>("--verbose") { Description = "Also print where the time went" };
        var maxSize = ReadingOptions.MaxSizeOption();
        var threads = CliProgress.ThreadsOption();
        var quiet = CliProgress.QuietOption();
        var actors = ActorDictionaries.Option();
        var command = new Command("ingest", "Add reports to a database: each article once, stories grown and re-fused incrementally") { paths, db, batch, verbose, maxSize, threads, quiet, actors };
        command.SetAction(parseResult => CliApp.Guard(() =>
        {
            if (!ReadingOptions.TryCreate(parseResult.GetValue(maxSize), out var reading)
                || !ActorDictionaries.TryAnnotator("ingest", parseResult.GetValue(actors), out var annotator))
            {
                return CliApp.UsageError;
            }

            var failed = 0;
            var database = Db(parseResult, db);
            var isQuiet = parseResult.GetValue(quiet);
            try
            {
                using var store = DossierStore.Open(database, new StoreOptions { BatchSize = Math.Max(1, parseResult.GetValue(batch)) });
                var inputs = InputPaths.Expand(parseResult.GetValue(paths)!).ToList();
                var pipeline = DossierPipeline.Default;
                if (parseResult.GetValue(threads) is { } asked || annotator is not null)
                {
                    var builder = new DossierPipelineBuilder().UseParallelism(CliProgress.Threads(parseResult.GetValue(threads)));
                    pipeline = (annotator is null ? builder : builder.UseAnnotator(annotator)).Build();
                }

                var total = isQuiet || Console.IsErrorRedirected ? null : CliProgress.CountFiles(inputs);
                var counter = new CliProgress.Counter();
                var items = new InputReader(reading with { Excluded = DossierStore.OwnFiles(database) }).Read(inputs);
                // Counted as processed, not as read: the store reads a whole batch ahead of processing it.
                var report = CliProgress.Run(isQuiet, elapsed => CliProgress.Describe("Ingesting", "documents", counter.Value, total, elapsed),
                    () => store.Ingest(items, pipeline, error =>
                    {
                        Interlocked.Increment(ref failed);
                        Console.Error.WriteLine(error.ToString());
                    }, CancellationToken.None, new CliProgress.ToCounter(counter)));
                if (!isQuiet)
                {
                    Console.Error.WriteLine($"dossier: {report.Added} articles added, {report.Skipped} already stored, {report.Failed} failed; {report.StoriesCreated} stories created, {report.StoriesUpdated} updated");
                }

                if (parseResult.GetValue(verbose))
                {
                    var t = report.Timings;
                    Console.Error.WriteLine(System.FormattableString.Invariant($"dossier: seconds: group {t.Group:0.0}, fuse {t.Fuse:0.0}, write {t.Write:0.0}, series {t.Series:0.0}; committing thread waited {t.Idle:0.0} for batches and {t.FuseWait:0.0} for fusion; {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB allocated, garbage collector paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s in {GC.CollectionCount(0)} collections ({GC.CollectionCount(2)} full)"));
                }

                return report.Failed > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                Fail(database, e);
                return 1;
            }
        }));
        return command;
    }
}
