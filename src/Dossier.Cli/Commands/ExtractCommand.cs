using System.CommandLine;
using System.Text.Json;
using Dossier.Extraction;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier extract PATHS... --format jsonl</c>: one JSON object per article read, errors on stderr.</summary>
internal static class ExtractCommand
{
    // Articles are extracted in parallel in batches of this many, then written in input order: memory stays
    // bounded by one batch however large the input (a WARC of a million pages streams through).
    private const int BatchSize = 32;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (read recursively) or - for standard input", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var maxSize = ReadingOptions.MaxSizeOption();
        var command = new Command("extract", "Read pages, feeds, WARC archives, JSONL dumps or text and write each article's body and metadata as JSON lines");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(maxSize);
        command.SetAction(parse =>
        {
            if (!ReadingOptions.TryCreate(parse.GetValue(maxSize), out var options))
            {
                return CliApp.UsageError;
            }

            using var stdout = Console.OpenStandardOutput();
            return Run([.. InputPaths.Expand(parse.GetValue(paths) ?? [])], options, stdout, Console.Error);
        });
        return command;
    }

    /// <summary>Reads <paramref name="paths"/>, writes JSON lines to <paramref name="output"/>; 0 when every input was read, 1 otherwise.</summary>
    internal static int Run(IReadOnlyList<string> paths, ReaderOptions options, Stream output, TextWriter errors)
    {
        var reader = new InputReader(options);
        // The extractor alone: the default pipeline would also load the event coder's dictionaries, a second of start-up.
        var extractor = new ArticleExtractor();
        var failed = false;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var batch in reader.Read(paths).Chunk(BatchSize))
        {
            var results = new ExtractionOutcome[batch.Length];
            Parallel.For(0, batch.Length, i => results[i] = Extract(extractor, batch[i]));
            foreach (var result in results)
            {
                if (result.Error is { } error)
                {
                    failed = true;
                    errors.WriteLine(error.ToString());
                    continue;
                }

                JsonSerializer.Serialize(writer, ExtractedArticleJson.From(result.Article!), ContractJsonContext.Default.ExtractedArticleJson);
                writer.Flush();
                output.WriteByte((byte)'\n');
                writer.Reset();
            }
        }

        output.Flush();
        return failed ? CliApp.SomeInputsFailed : CliApp.Ok;
    }

    internal static ExtractionOutcome Extract(IArticleExtractor extractor, ReadItem item)
    {
        if (item.Document is not { } document)
        {
            return new ExtractionOutcome(null, item.Error);
        }

        try
        {
            return extractor.Extract(document);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One page that trips the extractor is reported and skipped; the batch goes on.
            return ExtractionOutcome.Failed(document, "internal error: " + e.Message);
        }
    }
}

/// <summary>The reading options shared by every command that reads inputs (<c>analyze</c>, <c>extract</c>, <c>inspect</c>, <c>ingest</c>).</summary>
internal static class ReadingOptions
{
    /// <summary>The one size syntax of every size option: <c>20MB</c>, <c>512K</c>, <c>1G</c>, or a plain number of bytes.</summary>
    public const string SizeSyntax = "a size such as 20MB, 512K or 1G; a plain number is bytes";

    public static Option<string> MaxSizeOption() => new("--max-size") { Description = "Largest document (or WARC record, or JSONL line) read: " + SizeSyntax + " (default 20MB)" };

    /// <summary>Parses a size option's value; false (after one line on stderr naming the option) when it is not a size.</summary>
    public static bool TryParseSize(string option, string text, out long bytes)
    {
        if (ReaderOptions.TryParseSize(text, out bytes))
        {
            return true;
        }

        Console.Error.WriteLine($"dossier: {option}: '{text}' is not a size (examples: 20MB, 512K, 1G, or a number of bytes)");
        return false;
    }

    /// <summary>Reader options from the parsed value; false (after one line on stderr) when it is not a size.</summary>
    public static bool TryCreate(string? maxSize, out ReaderOptions options)
    {
        options = new ReaderOptions();
        if (maxSize is null)
        {
            return true;
        }

        if (!TryParseSize("--max-size", maxSize, out var bytes))
        {
            return false;
        }

        options = options with { MaxDocumentBytes = bytes };
        return true;
    }
}
