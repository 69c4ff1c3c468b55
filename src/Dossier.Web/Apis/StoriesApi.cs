using System.Globalization;
using Dossier.Model;
using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary><c>/api/stories</c>: the story list with filters, and one story with its claims, evidence and coverage.</summary>
public static class StoriesApi
{
    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stories").WithTags("Stories");
        api.MapGet("/", List).WithName("ListStories").WithSummary("Stories, newest first, filtered by date, actor, claim status and full-text search");
        api.MapGet("/{id}", Get).WithName("GetStory").WithSummary("One story: who, when, where, claims with evidence, conflicts, coverage");
        return app;
    }

    /// <summary>The filters of the story list, shared by the API and the page.</summary>
    public sealed record Filters(string? Since, string? Until, string? Actor, string? Status, string? Q, int? Limit);

    internal static Results<Ok<StoryList>, ValidationProblem> List(StoreAccess store, string? since, string? until, string? actor, string? status, string? q, int? limit)
    {
        var result = Query(store, new Filters(since, until, actor, status, q, limit));
        return result.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(new StoryList(result.Stories));
    }

    internal static Results<Ok<Story>, NotFound> Get(StoreAccess store, string id) =>
        store.Use(s => s.GetStory(id)) is { } story ? TypedResults.Ok(story) : TypedResults.NotFound();

    /// <summary>Runs the filters; <c>Errors</c> names the malformed ones.</summary>
    internal static (IReadOnlyList<StorySummary> Stories, Dictionary<string, string[]>? Errors) Query(StoreAccess store, Filters filters)
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

        var limit = Math.Clamp(filters.Limit ?? 100, 1, 1000);
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        // Until and status are filtered here, after the store's query: ask it for enough rows to fill the page.
        var needsMore = to is not null || wanted is not null;
        return store.Use(s =>
        {
            var rows = s.Stories(new StoryQuery { Since = from, Actor = filters.Actor, Search = filters.Q, Limit = needsMore ? 100_000 : limit });
            IEnumerable<StorySummary> kept = rows;
            if (to is { } last)
            {
                kept = kept.Where(r => r.Date is { } d && d <= last);
            }

            if (wanted is { } w)
            {
                var ids = s.StoriesWithStatus(w);
                kept = kept.Where(r => ids.Contains(r.Id));
            }

            return ((IReadOnlyList<StorySummary>)[.. kept.Take(limit)], (Dictionary<string, string[]>?)null);
        });
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
