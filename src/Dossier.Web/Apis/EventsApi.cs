using System.Globalization;
using Dossier.Model;
using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary><c>/api/events</c>: coded events between two actors, and their timeline (events per day, mean Goldstein).</summary>
public static class EventsApi
{
    internal static Results<Ok<IReadOnlyList<EventView>>, ValidationProblem> List(StoreAccess store, string? a, string? b, int? limit)
    {
        if (Missing(a, b) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok((IReadOnlyList<EventView>)Between(store, a!, b!, Math.Clamp(limit ?? 1000, 1, 10_000)));
    }

    internal static Results<Ok<TimelineView>, ValidationProblem> Timeline(StoreAccess store, string? a, string? b)
    {
        if (Missing(a, b) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(TimelineOf(store, a!, b!));
    }

    /// <summary>Events per day and their mean Goldstein weight, days in order: one aggregate over the store's events index.</summary>
    public static TimelineView TimelineOf(StoreAccess store, string first, string second)
    {
        ArgumentNullException.ThrowIfNull(store);
        var totals = store.Use(s => s.EventDays(Code(first), Code(second)));
        return new TimelineView(Code(first), Code(second),
            [.. totals.Where(t => t.Day is not null).Select(t => new TimelineDay(t.Day!, t.Events, Math.Round(t.GoldsteinSum / t.Events, 2)))],
            totals.Where(t => t.Day is null).Sum(t => t.Events));
    }

    /// <summary>
    /// Events between the two actors, either direction, by story and article. An event's day is the day its article's
    /// main event happened when the language stage found it, else the publication day.
    /// </summary>
    internal static List<EventView> Between(StoreAccess store, string a, string b, int limit) =>
        store.Use(s => s.EventsBetween(Code(a), Code(b), limit))
            .Select(e => new EventView(e.ArticleId, e.StoryId, e.Day, e.Source, e.Target, e.Code, e.Goldstein, e.Modality, e.Negated, e.Sentence))
            .ToList();

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
