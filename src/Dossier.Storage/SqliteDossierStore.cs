using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode. A write transaction begins IMMEDIATE, so concurrent
/// ingesters on one file take turns per batch instead of failing on lock upgrades.
/// </summary>
public sealed class SqliteDossierStore : DossierStore
{
    private readonly string connectionString;

    /// <summary>
    /// Opens the database file at <paramref name="path"/>, creating it when missing unless the options say read-only
    /// (then a missing file throws <see cref="FileNotFoundException"/>: a typo must not leave an empty database behind).
    /// </summary>
    public SqliteDossierStore(string path, StoreOptions? options = null) : base(options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Options.ReadOnly && !File.Exists(path))
        {
            throw new FileNotFoundException("no such database file (create one with 'dossier ingest')", path);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = Options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 300,
        }.ToString();
    }

    /// <inheritdoc />
    public override string Provider => "Sqlite";

    /// <inheritdoc />
    protected override DbConnection OpenConnection()
    {
        var db = new SqliteConnection(connectionString);
        db.Open();
        // WAL: readers never block the writer; synchronous=NORMAL is crash-safe for the database in WAL mode
        // (a process kill loses nothing committed; only a power cut may lose the last commits, never consistency).
        // A reader leaves the journal mode to the writer that created the file (setting it is a write).
        db.Execute(null, Options.ReadOnly
            ? "PRAGMA busy_timeout = 300000; PRAGMA cache_size = -65536;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 300000; PRAGMA cache_size = -65536; " + AutoCheckpoint + ";");
        return db;
    }

    private const string AutoCheckpoint = "PRAGMA wal_autocheckpoint = 16384";

    /// <inheritdoc />
    /// <remarks>
    /// During an ingest the writer checkpoints after every batch itself, in RESTART mode, instead of letting
    /// SQLite checkpoint when the log passes a size. RESTART leaves the next batch writing over the log from its
    /// start, so the log stays one batch long and is rewritten in place. A passive checkpoint on a background
    /// thread (the earlier design) never caught up with the writer: the log grew to 1.5 GB at 100,000 articles,
    /// every page went to a fresh part of the file (which the kernel zeroes first), and the copy competed with the
    /// pipeline for the same two cores. Crash safety is unchanged: committed transactions are in the log either way.
    /// </remarks>
    protected override void IngestStarting(DbConnection writer) => writer.Execute(null, "PRAGMA wal_autocheckpoint = 0");

    /// <inheritdoc />
    /// <remarks>A RESTART checkpoint waits (up to the busy timeout) for readers of older snapshots; a concurrent
    /// writer or reader that holds it up only delays it, and a checkpoint that cannot finish leaves a longer log,
    /// never a wrong database.</remarks>
    protected override void BatchCommitted(DbConnection writer) => writer.Execute(null, "PRAGMA wal_checkpoint(RESTART)");

    /// <inheritdoc />
    protected override void IngestFinished(DbConnection writer) => writer.Execute(null, AutoCheckpoint);

    /// <inheritdoc />
    protected override DbTransaction BeginWrite(DbConnection db) => ((SqliteConnection)db).BeginTransaction(deferred: false);

    /// <inheritdoc />
    protected override string? IndexSql => "INSERT INTO articles_fts (rowid, title, text) VALUES (@seq, @title, @text)";

    /// <inheritdoc />
    protected override string MatchCondition => "a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q)";

    /// <inheritdoc />
    protected override string SearchSql =>
        "SELECT a.article_id, a.story_id, a.title, a.outlet, a.path, snippet(articles_fts, 1, '[', ']', '…', 16) " +
        "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH @q " +
        "ORDER BY bm25(articles_fts), a.seq LIMIT @limit";

    /// <inheritdoc />
    protected override string? SearchQuery(string text)
    {
        // Every word must match, as with PostgreSQL's plainto_tsquery; quoting keeps FTS5 syntax out of user text.
        var words = Words(text).Select(w => "\"" + w + "\"").ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    internal static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }
}
