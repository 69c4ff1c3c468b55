using System.CommandLine;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier search TEXT</c>: full-text search over stored articles.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Words that must all occur (stemmed: 'signing' finds 'signed')" };
        var db = IngestCommand.DbOption();
        var limit = new Option<int>("--limit") { Description = "At most this many articles", DefaultValueFactory = _ => 50 };
        var format = ApiJson.FormatOption();
        var command = new Command("search", "Find stored articles by their words, best first") { text, db, limit, format };
        command.SetAction(parseResult =>
        {
            return IngestCommand.WithStore(IngestCommand.Db(parseResult, db), store =>
            {
                var hits = store.Search(parseResult.GetValue(text)!, parseResult.GetValue(limit));
                if (parseResult.GetValue(format) == "json")
                {
                    return ApiJson.Write<IReadOnlyList<Dossier.Web.Apis.SearchResult>>([.. hits.Select(Dossier.Web.Apis.SearchResult.From)]);
                }

                Console.Out.WriteLine("story\tarticle\toutlet\ttitle\tsnippet");
                foreach (var hit in hits)
                {
                    Console.Out.WriteLine(string.Join('\t', hit.StoryId, hit.ArticleId, hit.Outlet ?? "-", hit.Title ?? "-", hit.Snippet.ReplaceLineEndings(" ")));
                }

                return 0;
            });
        });
        return command;
    }
}
