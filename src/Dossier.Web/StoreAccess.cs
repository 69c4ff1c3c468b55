using Dossier.Storage;

namespace Dossier.Web;

/// <summary>
/// The one open store, shared by all requests. A store holds a single connection, which is not safe for
/// concurrent use, so every call runs under one lock: reads are short, and an analyst's server sees few
/// requests at a time. Uploads hold the lock for the whole ingest.
/// </summary>
public sealed class StoreAccess(string db) : IDisposable
{
    private readonly Lock gate = new();
    private DossierStore? store;

    /// <summary>Runs <paramref name="body"/> with the store, opened (and migrated) on first use.</summary>
    public T Use<T>(Func<DossierStore, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        lock (gate)
        {
            store ??= DossierStore.Open(db);
            return body(store);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            store?.Dispose();
            store = null;
        }
    }
}
