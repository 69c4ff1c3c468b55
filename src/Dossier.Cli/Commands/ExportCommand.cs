using System.CommandLine;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier export --format events|mentions|jsonl|csv|parquet [--out FILE]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = IngestCommand.DbOption();
        var format = new Option<string>("--format") { Description = "events, mentions (GDELT 2.0 layouts), jsonl, csv or parquet", Required = true };
        format.AcceptOnlyFromAmong("events", "mentions", "jsonl", "csv", "parquet");
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output)" };
        var quiet = CliProgress.QuietOption();
        var command = new Command("export", "Write every stored story in GDELT's event or mention layout, JSONL, CSV or Parquet") { db, format, output, quiet };
        command.SetAction(parseResult =>
        {
            var kind = Enum.Parse<ExportFormat>(parseResult.GetValue(format)!, ignoreCase: true);
            var path = parseResult.GetValue(output);
            return IngestCommand.WithStore(IngestCommand.Db(parseResult, db), store =>
            {
                // Opened before the output, so a missing database leaves no empty export behind.
                var isQuiet = parseResult.GetValue(quiet);
                long? total = isQuiet || Console.IsErrorRedirected ? null : store.Counts().Stories;
                var counter = new CliProgress.Counter();
                var progress = new CliProgress.ToCounter(counter);
                try
                {
                    // Written beside the target and renamed, so a reader never sees half an export.
                    var temporary = path is null ? null : path + ".partial";
                    using (var stream = temporary is null ? Console.OpenStandardOutput() : File.Create(temporary))
                    {
                        CliProgress.Run(isQuiet, elapsed => CliProgress.Describe("Exporting", "stories", counter.Value, total, elapsed),
                            () =>
                            {
                                StoreExport.Write(store, kind, stream, progress);
                                return 0;
                            });
                    }

                    if (temporary is not null)
                    {
                        File.Move(temporary, path!, overwrite: true);
                    }

                    return 0;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"dossier: {path}: {e.Message}");
                    return 1;
                }
            });
        });
        return command;
    }
}
