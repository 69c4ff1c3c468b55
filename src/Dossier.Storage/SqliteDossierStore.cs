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

    /// <summary>Opens (creating when missing) the database file at <paramref name="path"/>.</summary>
    public SqliteDossierStore(string path, StoreOptions? options = null) : base(options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
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
        db.Execute(null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 300000; PRAGMA cache_size = -65536; " + AutoCheckpoint + ";");
        return db;
    }

    private const string AutoCheckpoint = "PRAGMA wal_autocheckpoint = 16384";
    private Checkpointer? checkpointer;

    /// <inheritdoc />
    /// <remarks>
    /// During an ingest the writer does not checkpoint: a background connection copies the log into the
    /// database (a passive checkpoint, which never blocks the writer) after each commit, so that copying
    /// overlaps the next batch instead of lengthening the commit. Crash safety is unchanged: committed
    /// transactions are in the log either way.
    /// </remarks>
    protected override void IngestStarting(DbConnection writer)
    {
        writer.Execute(null, "PRAGMA wal_autocheckpoint = 0");
        checkpointer = new Checkpointer(OpenConnection());
    }

    /// <inheritdoc />
    protected override void BatchCommitted() => checkpointer?.Signal();

    /// <inheritdoc />
    protected override void IngestFinished(DbConnection writer)
    {
        checkpointer?.Dispose();
        checkpointer = null;
        writer.Execute(null, AutoCheckpoint);
    }

    /// <summary>Runs passive WAL checkpoints on its own connection and thread, one per signal.</summary>
    private sealed class Checkpointer : IDisposable
    {
        private readonly DbConnection db;
        private readonly SemaphoreSlim signals = new(0);
        private readonly Thread thread;
        private volatile bool stopping;

        public Checkpointer(DbConnection db)
        {
            this.db = db;
            thread = new Thread(Run) { IsBackground = true, Name = "dossier checkpoint" };
            thread.Start();
        }

        public void Signal()
        {
            // Signals that arrive while a checkpoint runs collapse into one more checkpoint.
            if (signals.CurrentCount == 0)
            {
                signals.Release();
            }
        }

        private void Run()
        {
            while (true)
            {
                signals.Wait();
                try
                {
                    db.Execute(null, "PRAGMA wal_checkpoint(PASSIVE)");
                }
                catch (SqliteException)
                {
                    // A checkpoint that cannot run now is retried after the next commit; the log only grows meanwhile.
                }

                // The last checkpoint runs before stopping, so the log is folded in when the ingest returns and
                // later readers (a re-ingest's lookups) do not search a long log.
                if (stopping)
                {
                    return;
                }
            }
        }

        public void Dispose()
        {
            stopping = true;
            signals.Release();
            thread.Join();
            db.Dispose();
            signals.Dispose();
        }
    }

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
