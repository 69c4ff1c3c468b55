using System.CommandLine;
using System.Globalization;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier stories [--since DATE] [--actor CODE] [--search TEXT]</c>: lists stored stories.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var db = IngestCommand.DbOption();
        var since = new Option<string?>("--since") { Description = "Only stories on or after this day (YYYY-MM-DD)" };
        var actor = new Option<string?>("--actor") { Description = "Only stories with this actor code (PAK matches PAKGOV)" };
        var search = new Option<string?>("--search") { Description = "Only stories with an article containing every word" };
        var limit = new Option<int>("--limit") { Description = "At most this many stories", DefaultValueFactory = _ => 100 };
        var format = ApiJson.FormatOption();
        var command = new Command("stories", "List the stories in a database, newest first") { db, since, actor, search, limit, format };
        command.SetAction(parseResult =>
        {
            DateOnly? day = null;
            if (parseResult.GetValue(since) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    Console.Error.WriteLine($"dossier: --since: expected YYYY-MM-DD, got '{text}'");
                    return 2;
                }

                day = parsed;
            }

            return IngestCommand.WithStore(IngestCommand.Db(parseResult, db), store =>
            {
                var stories = store.Stories(new StoryQuery { Since = day, Actor = parseResult.GetValue(actor), Search = parseResult.GetValue(search), Limit = parseResult.GetValue(limit) });
                if (parseResult.GetValue(format) == "json")
                {
                    return ApiJson.Write(new Dossier.Web.Apis.StoryList([.. stories.Select(Dossier.Web.Apis.StoryListItem.From)]));
                }

                Console.Out.WriteLine("id\tdate\tsources\tarticles\tclaims\ttitle");
                foreach (var s in stories)
                {
                    Console.Out.WriteLine(string.Join('\t', s.Id, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                        s.IndependentSources.ToString(CultureInfo.InvariantCulture), s.Articles.ToString(CultureInfo.InvariantCulture),
                        s.Claims.ToString(CultureInfo.InvariantCulture), s.Title));
                }

                return 0;
            });
        });
        return command;
    }
}
