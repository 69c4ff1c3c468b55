using Dossier.Storage;

namespace Dossier.Web;

/// <summary>
/// The database the app serves, shared by all requests: it only names the database and migrates it once, on first
/// use (creating a missing SQLite file, as <c>dossier ingest</c> would). It holds no connection: each request opens
/// its own through <see cref="StoreAccess"/>, so requests never wait for each other in this process.
/// </summary>
public sealed class StoreHost(string db)
{
    private readonly Lock gate = new();
    private bool migrated;

    /// <summary>The SQLite file or PostgreSQL connection string.</summary>
    public string Db { get; } = db;

    /// <summary>Brings the schema up to date the first time any request needs the store.</summary>
    public void EnsureMigrated()
    {
        if (Volatile.Read(ref migrated))
        {
            return;
        }

        lock (gate)
        {
            if (!migrated)
            {
                using var store = DossierStore.Open(Db);
                _ = store.SchemaVersion;
                Volatile.Write(ref migrated, true);
            }
        }
    }
}

/// <summary>
/// One request's store: a read-only store (its own connection) opened on first use and closed when the request
/// ends, and a writable store per upload. A store's connection is not safe for concurrent use, so none is shared:
/// readers run side by side, and an upload that ingests for minutes holds no lock any reader waits for. SQLite in
/// WAL mode lets readers read the last committed state while the writer commits batch after batch; PostgreSQL's
/// snapshots do the same. Concurrent uploads take turns per batch through the store's own write lock.
/// </summary>
public sealed class StoreAccess(StoreHost host) : IDisposable
{
    private DossierStore? reader;

    /// <summary>Runs <paramref name="body"/> with this request's read-only store.</summary>
    public T Use<T>(Func<DossierStore, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (reader is null)
        {
            host.EnsureMigrated();
            reader = DossierStore.OpenReadOnly(host.Db);
        }

        return body(reader);
    }

    /// <summary>Runs <paramref name="body"/> with a writable store of its own (an upload), closed afterwards.</summary>
    public T Write<T>(Func<DossierStore, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        host.EnsureMigrated();
        using var writer = DossierStore.Open(host.Db);
        return body(writer);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        reader?.Dispose();
        reader = null;
    }
}
