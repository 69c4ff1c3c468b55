using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary><c>/api/search</c>: full-text search over the stored articles.</summary>
public static class SearchApi
{
    internal static Results<Ok<IReadOnlyList<SearchResult>>, ValidationProblem> Search(StoreAccess store, string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["q"] = ["a search text is required"] });
        }

        return TypedResults.Ok<IReadOnlyList<SearchResult>>([.. store.Use(s => s.Search(q, Math.Clamp(limit ?? 50, 1, 500))).Select(SearchResult.From)]);
    }
}
