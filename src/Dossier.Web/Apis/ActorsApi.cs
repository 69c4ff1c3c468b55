using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary><c>/api/actors</c>: the actor codes stories name, with how many stories name each.</summary>
public static class ActorsApi
{
    internal static Ok<IReadOnlyList<ActorListItem>> List(StoreAccess store, string? prefix, int? limit) =>
        TypedResults.Ok<IReadOnlyList<ActorListItem>>([.. store.Use(s => s.Actors(prefix, Math.Clamp(limit ?? 500, 1, 5000))).Select(ActorListItem.From)]);
}
