using System.Globalization;
using Dossier.Model;
using Dossier.Output;
using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary><c>/api/stories</c>: the story list with filters, and one story with its claims, evidence and coverage.</summary>
public static class StoriesApi
{
    /// <summary>The filters of the story list, shared by the API and the page.</summary>
    public sealed record Filters(string? Since, string? Until, string? Actor, string? Status, string? Q, int? Limit, int? Offset = null);

    internal static Results<Ok<StoryList>, ValidationProblem> List(StoreAccess store, string? since, string? until, string? actor, string? status, string? q, int? limit, int? offset)
    {
        var result = Query(store, new Filters(since, until, actor, status, q, limit, offset));
        return result.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(new StoryList(result.Stories) { Next = result.Next });
    }

    // The story's public shape, the one analyze and export write, never the internal model.
    internal static Results<Ok<StoryWithSeriesJson>, NotFound> Get(StoreAccess store, string id) =>
        store.Use(s => s.GetStory(id) is { } story ? StoryWithSeriesJson.From(story, s.SeriesOf(id)) : null) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>
    /// Runs the filters, all of them in the store's SQL; <c>Errors</c> names the malformed ones. <c>Next</c> is the offset
    /// of the next page, null on the last one (one row more than the page is read to know).
    /// </summary>
    internal static (IReadOnlyList<StoryListItem> Stories, Dictionary<string, string[]>? Errors, int? Next) Query(StoreAccess store, Filters filters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = Day(filters.Since, "since", errors);
        var to = Day(filters.Until, "until", errors);
        ClaimStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(filters.Status))
        {
            wanted = filters.Status.Trim() switch
            {
                "corroborated" => ClaimStatus.Corroborated,
                "single-source" => ClaimStatus.SingleSource,
                "conflicting" => ClaimStatus.Conflicting,
                _ => null,
            };
            if (wanted is null)
            {
                errors["status"] = ["expected corroborated, single-source or conflicting"];
            }
        }

        if (filters.Offset is < 0)
        {
            errors["offset"] = ["expected 0 or more"];
        }

        var limit = Math.Clamp(filters.Limit ?? 100, 1, 1000);
        var offset = Math.Max(0, filters.Offset ?? 0);
        if (errors.Count > 0)
        {
            return ([], errors, null);
        }

        var rows = store.Use(s => s.Stories(new StoryQuery { Since = from, Until = to, Status = wanted, Actor = filters.Actor, Search = filters.Q, Limit = limit + 1, Offset = offset }));
        return ([.. rows.Take(limit).Select(StoryListItem.From)], null, rows.Count > limit ? offset + limit : null);
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = ["expected YYYY-MM-DD"];
        return null;
    }
}
