using System.Data.Common;
using Npgsql;

namespace Dossier.Storage;

/// <summary>
/// The team store: one PostgreSQL database shared by many ingesters. A write transaction takes a
/// transaction-scoped advisory lock, so batches from concurrent ingesters are grouped one after another
/// against the same stored state, while extraction and annotation run in parallel outside the lock.
/// </summary>
public sealed class PostgresDossierStore : DossierStore
{
    /// <summary>The advisory lock key every Dossier writer takes ("DOSSIER" in ASCII, fits a bigint).</summary>
    private const long WriteLock = 0x444F5353494552;

    private readonly string connectionString;

    /// <summary>Connects with <paramref name="connectionString"/> (<c>Host=…;Database=…;Username=…</c>).</summary>
    public PostgresDossierStore(string connectionString, StoreOptions? options = null) : base(options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.connectionString = connectionString;
    }

    /// <inheritdoc />
    public override string Provider => "Postgres";

    /// <inheritdoc />
    protected override DbConnection OpenConnection()
    {
        var db = new NpgsqlConnection(connectionString);
        db.Open();
        if (Options.ReadOnly)
        {
            // The server refuses every write on this session, whatever a caller tries.
            db.Execute(null, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }

        return db;
    }

    /// <inheritdoc />
    protected override DbTransaction BeginWrite(DbConnection db)
    {
        var transaction = ((NpgsqlConnection)db).BeginTransaction();
        db.Execute(transaction, "SELECT pg_advisory_xact_lock(@k)", ("@k", WriteLock));
        return transaction;
    }

    /// <inheritdoc />
    /// <remarks>Compared in the "C" collation (bytes, as SQLite does), whatever the database's locale; the indexes use it too.</remarks>
    protected override string PrefixRange(string column, string parameter) =>
        $"({column} COLLATE \"C\") >= {parameter} AND ({column} COLLATE \"C\") < {parameter}_end";

    /// <inheritdoc />
    protected override string MatchCondition => "a.tsv @@ plainto_tsquery('english', @q)";

    /// <inheritdoc />
    protected override string SearchSql =>
        "SELECT a.article_id, a.story_id, a.title, a.outlet, a.path, " +
        "ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6') " +
        "FROM articles a, plainto_tsquery('english', @q) q WHERE a.tsv @@ q ORDER BY ts_rank(a.tsv, q) DESC, a.seq LIMIT @limit";

    /// <inheritdoc />
    protected override string? SearchQuery(string text)
    {
        var words = SqliteDossierStore.Words(text).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
