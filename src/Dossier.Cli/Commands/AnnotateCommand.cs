using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Language;
using Dossier.Model;
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
        var command = new Command("annotate", "Find sentences, people, organisations, places, actor codes, dates and quotations in articles");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(reference);
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

            return Run(InputPaths.Expand(parse.GetValue(files)!), day, Console.Out, Console.Error);
        });
        return command;
    }

    internal static int Run(IEnumerable<string> paths, DateOnly? reference, TextWriter output, TextWriter errors)
    {
        var pipeline = DossierPipeline.Default;
        var annotator = pipeline.Annotator as TextAnnotator ?? new TextAnnotator();
        var failed = false;
        var results = new List<object>();
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

            results.Add(Shape(annotator.Annotate(outcome.Article!, reference)));
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        output.WriteLine(JsonSerializer.Serialize(results.Count == 1 ? results[0] : results, options));
        return failed ? 1 : 0;
    }

    /// <summary>The JSON shape of one annotated article.</summary>
    internal static object Shape(AnnotatedArticle a)
    {
        var text = a.Article.Text;
        return new
        {
            id = a.Article.Id,
            path = a.Article.Path,
            title = a.Article.Metadata.Title,
            published = a.Article.Metadata.Published,
            eventDate = a.EventDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            eventLocation = a.EventLocation,
            text,
            sentences = a.Sentences.Select(s => new { text = s.Span.Of(text), start = s.Span.Start, end = s.Span.End, paragraph = s.Paragraph }),
            mentions = a.Mentions.Select(m => new
            {
                text = m.Span.Of(text),
                type = m.Type.ToString(),
                start = m.Span.Start,
                end = m.Span.End,
                canonical = m.Canonical,
                titles = m.Titles,
                actor = m.Actor,
                affiliation = m.Affiliation,
                members = m.MembersOrEmpty,
            }),
            times = a.Times.Select(t => new { text = t.Span.Of(text), start = t.Span.Start, end = t.Span.End, value = t.Value, resolvedFrom = t.ResolvedFrom }),
            quotes = a.Quotes.Select(q => new { text = q.Span.Of(text), start = q.Span.Start, end = q.Span.End, speaker = q.Speaker, direct = q.Direct }),
        };
    }
}
