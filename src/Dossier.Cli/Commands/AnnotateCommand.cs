using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Events.Dictionaries;
using Dossier.Language;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier annotate FILE --format json</c>: the article with its sentences, mentions, times and quotations.</summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file") { Description = "Files or folders to annotate (- for standard input)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format: json", DefaultValueFactory = _ => "json" };
        var reference = new Option<string?>("--reference-date") { Description = "Resolve relative dates against this day (yyyy-MM-dd) instead of the publication date" };
        var actors = ActorDictionaries.Option();
        var command = new Command("annotate", "Find sentences, people, organisations, places, actor codes, dates and quotations in articles");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(reference);
        command.Options.Add(actors);
        command.SetAction(parse =>
        {
            if (parse.GetValue(format) is not "json")
            {
                Console.Error.WriteLine("dossier: annotate: unknown format (use json)");
                return 2;
            }

            DateOnly? day = null;
            if (parse.GetValue(reference) is { } r)
            {
                if (!DateOnly.TryParseExact(r, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                {
                    Console.Error.WriteLine($"dossier: annotate: bad --reference-date '{r}' (use yyyy-MM-dd)");
                    return 2;
                }

                day = parsed;
            }

            if (!ActorDictionaries.TryAnnotator("annotate", parse.GetValue(actors), out var annotator))
            {
                return 2;
            }

            return Run(InputPaths.Expand(parse.GetValue(files)!), day, Console.Out, Console.Error, annotator);
        });
        return command;
    }

    // The generated metadata with annotate's layout: indented, non-ASCII text kept readable.
    private static readonly ContractJsonContext Indented = new(new JsonSerializerOptions(ContractJsonContext.Default.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    internal static int Run(IEnumerable<string> paths, DateOnly? reference, TextWriter output, TextWriter errors, TextAnnotator? withActors = null)
    {
        var pipeline = DossierPipeline.Default;
        var annotator = withActors ?? pipeline.Annotator as TextAnnotator ?? new TextAnnotator();
        var failed = false;
        var results = new List<AnnotatedArticleJson>();
        foreach (var item in new InputReader().Read(paths))
        {
            if (item.Error is { } readError)
            {
                failed = true;
                errors.WriteLine(readError.ToString());
                continue;
            }

            var outcome = pipeline.Extractor.Extract(item.Document!);
            if (outcome.Error is { } error)
            {
                failed = true;
                errors.WriteLine(error.ToString());
                continue;
            }

            results.Add(AnnotatedArticleJson.From(annotator.Annotate(outcome.Article!, reference)));
        }

        // One article gives its object, several an array of them, as before.
        var json = results.Count == 1
            ? JsonSerializer.Serialize(results[0], Indented.AnnotatedArticleJson)
            : JsonSerializer.Serialize<IReadOnlyList<AnnotatedArticleJson>>(results, Indented.IReadOnlyListAnnotatedArticleJson);
        output.WriteLine(json);
        return failed ? 1 : 0;
    }
}
