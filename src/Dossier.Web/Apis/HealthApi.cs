using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Apis;

/// <summary>Whether the server is up and its database is readable.</summary>
/// <param name="Status"><c>ok</c> or <c>unavailable</c>.</param>
/// <param name="Schema">The database's schema version, when it could be read.</param>
/// <param name="Error">Why the database could not be read (its password redacted), when it could not.</param>
public sealed record HealthView(string Status, int? Schema, string? Error);

/// <summary><c>/health</c>: 200 when the database answers, 503 otherwise; for load balancers and scripts.</summary>
public static class HealthApi
{
    internal static Results<Ok<HealthView>, JsonHttpResult<HealthView>> Check(StoreAccess store, StoreHost host)
    {
        try
        {
            return TypedResults.Ok(new HealthView("ok", store.Use(s => s.SchemaVersion), null));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return TypedResults.Json(new HealthView("unavailable", null, DossierStore.Redact(e.Message.ReplaceLineEndings(" "), host.Db)),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
