using System.CommandLine;
using System.Collections.Immutable;
using Dossier.Model;
using Dossier.Output;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier show STORY [--format md|json|html]</c>: prints one stored story.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var story = new Argument<string>("story") { Description = "The story id (from dossier stories)" };
        var db = IngestCommand.DbOption();
        var format = new Option<string>("--format") { Description = "md, json or html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json", "html");
        var command = new Command("show", "Print one story with its claims, evidence and conflicts") { story, db, format };
        command.SetAction(parseResult =>
        {
            return IngestCommand.WithStore(IngestCommand.Db(parseResult, db), store =>
            {
                var id = parseResult.GetValue(story)!;
                var found = store.GetStory(id);
                if (found is null)
                {
                    Console.Error.WriteLine($"dossier: {id}: no such story");
                    return 1;
                }

                // The same writers as `dossier analyze`, given the story and its stored articles.
                var writer = ResultWriters.For(parseResult.GetValue(format)!)!;
                var articles = store.ArticlesOf(id).Select(a => a.Article).ToImmutableArray();
                // The story's series, if any, as `analyze` writes series: the JSON's `series` array and the briefs' Series line.
                var result = new AnalysisResult(articles, [found], [], CliClock.Create().GetUtcNow())
                {
                    Series = store.SeriesOf(id) is { } series ? [series] : [],
                };
                using var output = Console.OpenStandardOutput();
                writer.Write(result, output);
                return 0;
            });
        });
        return command;
    }
}
