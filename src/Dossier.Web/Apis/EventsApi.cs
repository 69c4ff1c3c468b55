using System.Globalization;
using Dossier.Model;
using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary><c>/api/events</c>: coded events between two actors, and their timeline (events per day, mean Goldstein).</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Events");
        api.MapGet("/", List).WithName("ListEvents").WithSummary("Coded events between two actors (either direction; codes match by prefix)");
        api.MapGet("/timeline", Timeline).WithName("EventTimeline").WithSummary("Events per day between two actors and their mean Goldstein weight");
        return app;
    }

    internal static Results<Ok<IReadOnlyList<EventView>>, ValidationProblem> List(StoreAccess store, string? a, string? b, int? limit)
    {
        if (Missing(a, b) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok((IReadOnlyList<EventView>)[.. Between(store, a!, b!).Take(Math.Clamp(limit ?? 1000, 1, 10_000))]);
    }

    internal static Results<Ok<TimelineView>, ValidationProblem> Timeline(StoreAccess store, string? a, string? b)
    {
        if (Missing(a, b) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(TimelineOf(a!, b!, Between(store, a!, b!)));
    }

    /// <summary>Events per day and their mean Goldstein weight, days in order.</summary>
    public static TimelineView TimelineOf(string first, string second, IEnumerable<EventView> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var undated = 0;
        var days = new SortedDictionary<string, (int Count, double Sum)>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Date is null)
            {
                undated++;
                continue;
            }

            days.TryGetValue(e.Date, out var day);
            days[e.Date] = (day.Count + 1, day.Sum + e.Goldstein);
        }

        return new TimelineView(Code(first), Code(second), [.. days.Select(d => new TimelineDay(d.Key, d.Value.Count, Math.Round(d.Value.Sum / d.Value.Count, 2)))], undated);
    }

    /// <summary>
    /// Events between the two actors in the stories that name both, article by article. An event's day is the day
    /// its article's main event happened when the language stage found it, else the publication day.
    /// </summary>
    internal static List<EventView> Between(StoreAccess store, string a, string b)
    {
        var first = Code(a);
        var second = Code(b);
        return store.Use(s =>
        {
            var views = new List<EventView>();
            foreach (var storyId in s.StoriesWithActors(first, second))
            {
                foreach (var stored in s.ArticlesOf(storyId))
                {
                    var article = stored.Article;
                    var day = article.EventDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        ?? article.Article.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    foreach (var e in article.Events)
                    {
                        if (Pair(e, first, second))
                        {
                            var sentence = e.SentenceIndex >= 0 && e.SentenceIndex < article.Sentences.Length
                                ? article.Sentences[e.SentenceIndex].Span.Of(article.Article.Text) : "";
                            views.Add(new EventView(article.Article.Id, stored.StoryId, day, e.Source.Code, e.Target.Code, e.Code, e.Goldstein,
                                Output.StatusNames.Of(e.Modality), e.Negated, sentence));
                        }
                    }
                }
            }

            return views;
        });
    }

    private static bool Pair(EventRecord e, string first, string second) =>
        (e.Source.Code.StartsWith(first, StringComparison.Ordinal) && e.Target.Code.StartsWith(second, StringComparison.Ordinal)) ||
        (e.Source.Code.StartsWith(second, StringComparison.Ordinal) && e.Target.Code.StartsWith(first, StringComparison.Ordinal));

    private static string Code(string text) => text.Trim().ToUpperInvariant();

    private static ValidationProblem? Missing(string? a, string? b)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(a))
        {
            errors["a"] = ["an actor code is required (for example CHN)"];
        }

        if (string.IsNullOrWhiteSpace(b))
        {
            errors["b"] = ["an actor code is required (for example PAK)"];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
