using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Storage;

/// <summary>
/// A Dossier database: articles stored once, stories with their fused claims, full-text search. SQLite and
/// PostgreSQL share this code, the schema and the behaviour; the subclasses only open connections, take the
/// write lock and speak their full-text dialect.
/// </summary>
public abstract partial class DossierStore : IDisposable
{
    private DbConnection? connection;
    private readonly BoundedCache<AnnotatedArticle> cache;

    /// <summary>Creates a store; the database is opened and migrated on first use.</summary>
    protected DossierStore(StoreOptions? options)
    {
        Options = options ?? new StoreOptions();
        // The window is what is replayed every batch; the cache need only hold it and the latest batches.
        // A larger cache only grows the heap (and the garbage collector's work) without saving reads.
        var capacity = Math.Max(8192, Options.ActiveStories * 32);
        cache = new(capacity);
    }

    /// <summary>How this store ingests.</summary>
    public StoreOptions Options { get; }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>: also the migrations folder.</summary>
    public abstract string Provider { get; }

    /// <summary>Opens a store: a PostgreSQL connection string (<c>Host=…;Database=…</c>) or a SQLite file path.</summary>
    public static DossierStore Open(string db, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        return IsPostgres(db) ? new PostgresDossierStore(db, options) : new SqliteDossierStore(db, options);
    }

    /// <summary>
    /// Opens an existing store for reading only: what <c>stories</c>, <c>show</c>, <c>search</c>, <c>export</c> and the
    /// web app's readers use. A missing SQLite file throws <see cref="FileNotFoundException"/> instead of being created.
    /// </summary>
    public static DossierStore OpenReadOnly(string db, StoreOptions? options = null) =>
        Open(db, (options ?? new StoreOptions()) with { ReadOnly = true });

    /// <summary>
    /// <paramref name="db"/> as it may be shown (help, errors, logs): a connection string's password becomes <c>***</c>
    /// (<c>Password=</c>, <c>Pwd=</c>, or the password of a <c>postgres://user:password@host</c> address). A file path is unchanged.
    /// </summary>
    public static string Redact(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keyed = PasswordKey().Replace(db, m => m.Groups["key"].Value + "=***");
        return UrlPassword().Replace(keyed, "${head}***@");
    }

    /// <summary><paramref name="message"/> (an error from the driver, say) with every password of <paramref name="db"/> replaced by <c>***</c>.</summary>
    public static string Redact(string message, string db)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(db);
        var redacted = message.Replace(db, Redact(db), StringComparison.Ordinal);
        foreach (var secret in PasswordKey().Matches(db).Select(m => m.Groups["value"].Value.Trim('"', '\'', ' '))
            .Concat(UrlPassword().Matches(db).Select(m => m.Groups["secret"].Value)).Where(v => v.Length > 0))
        {
            redacted = redacted.Replace(secret, "***", StringComparison.Ordinal);
        }

        return redacted;
    }

    // Npgsql's keys for the password; a quoted value may hold semicolons.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<key>\b(?:Password|Pwd))\s*=\s*(?<value>""[^""]*""|'[^']*'|[^;]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PasswordKey();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<head>\bpostgres(?:ql)?://[^:/@\s]*:)(?<secret>[^@\s]*)@", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UrlPassword();

    /// <summary>
    /// The files a store keeps on disk, by full path, so an ingest never reads them as inputs: a SQLite database with its
    /// write-ahead log, shared-memory index and rollback journal; nothing for PostgreSQL.
    /// </summary>
    public static IReadOnlySet<string> OwnFiles(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (IsPostgres(db))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var full = Path.GetFullPath(db);
        return new HashSet<string>([full, full + "-wal", full + "-shm", full + "-journal"], StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="db"/> is a PostgreSQL connection string rather than a file path.</summary>
    public static bool IsPostgres(string db) =>
        db.Contains("Host=", StringComparison.OrdinalIgnoreCase) || db.Contains("Server=", StringComparison.OrdinalIgnoreCase) ||
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => Convert.ToInt32(Connection.Scalar(null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);

    /// <summary>The open, migrated connection.</summary>
    protected DbConnection Connection => connection ??= OpenMigrated();

    /// <summary>Opens a new connection to the database.</summary>
    protected abstract DbConnection OpenConnection();

    /// <summary>Begins a transaction that holds the store-wide write lock (one writer at a time across processes).</summary>
    protected abstract DbTransaction BeginWrite(DbConnection db);

    /// <summary>Called before an ingest writes its first batch, with the writing connection.</summary>
    protected virtual void IngestStarting(DbConnection writer)
    {
    }

    /// <summary>Called after each batch an ingest committed, with the writing connection (outside any transaction).</summary>
    protected virtual void BatchCommitted(DbConnection writer)
    {
    }

    /// <summary>Called when an ingest ends, whether it completed or failed.</summary>
    protected virtual void IngestFinished(DbConnection writer)
    {
    }

    /// <summary>
    /// SQL adding a stored article (<c>@seq</c>, <c>@title</c>, <c>@text</c>) to the full-text index, prepared once per batch;
    /// null when the provider indexes by itself.
    /// </summary>
    protected virtual string? IndexSql => null;

    /// <summary>SQL condition on <c>a</c> (articles) that is true when the article matches <c>@q</c>.</summary>
    protected abstract string MatchCondition { get; }

    /// <summary>SQL selecting article_id, story_id, title, outlet, path, snippet of articles matching <c>@q</c>, best first, at most <c>@limit</c>.</summary>
    protected abstract string SearchSql { get; }

    /// <summary>The text search query parameter for <paramref name="text"/>; null when nothing searchable is left.</summary>
    protected abstract string? SearchQuery(string text);

    private DbConnection OpenMigrated()
    {
        var db = OpenConnection();
        if (!Options.ReadOnly)
        {
            Migrator.Apply(db, Provider, BeginWrite);
            return db;
        }

        // A reader never migrates (it may not write); it only checks that it understands what it reads.
        var version = Migrator.Version(db);
        var latest = Migrator.Latest(Provider);
        if (version != latest)
        {
            db.Dispose();
            throw new InvalidOperationException(version == 0
                ? "not a Dossier database (no schema)"
                : $"database schema is version {version}, this build reads version {latest}; run 'dossier ingest' on it to upgrade");
        }

        return db;
    }

    /// <summary>Row counts, for reports and tests.</summary>
    public StoreCounts Counts()
    {
        long Count(string table) => Convert.ToInt64(Connection.Scalar(null, "SELECT COUNT(*) FROM " + table), CultureInfo.InvariantCulture);
        return new StoreCounts(Count("articles"), Count("sources"), Count("stories"), Count("claims"), Count("evidence"));
    }

    /// <summary>
    /// Stories matching <paramref name="query"/>, newest first (undated last), then by id; one page of them
    /// (<see cref="StoryQuery.Offset"/>, <see cref="StoryQuery.Limit"/>). Every filter is SQL: the database walks the
    /// <c>stories_listing</c> index (or a status's partial copy of it) in this order and stops when the page is full.
    /// </summary>
    public IReadOnlyList<StorySummary> Stories(StoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Since is { } since)
        {
            where.Add("date >= @since");
            parameters.Add(("@since", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (query.Until is { } until)
        {
            where.Add("date <= @until");
            parameters.Add(("@until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (query.Status is { } status)
        {
            // Counts kept on the story row (schema 2), each with a partial index in the listing order that this exact
            // condition selects: the filter walks only the stories it keeps.
            where.Add(status switch
            {
                ClaimStatus.Corroborated => "corroborated > 0",
                ClaimStatus.SingleSource => "single_source > 0",
                ClaimStatus.Conflicting => "conflicting > 0",
                _ => throw new ArgumentOutOfRangeException(nameof(query), status, "unknown claim status"),
            });
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            // EXISTS per story, not IN (list): the database walks the listing in order and probes each story's actors
            // by primary key until the page is full, instead of collecting and sorting every story of a common actor.
            where.Add("EXISTS (SELECT 1 FROM story_actors x WHERE x.story_id = stories.id AND " + PrefixRange("x.actor", "@actor") + ")");
            AddPrefix(parameters, "@actor", query.Actor);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var q = SearchQuery(query.Search);
            if (q is null)
            {
                return [];
            }

            where.Add("id IN (SELECT a.story_id FROM articles a WHERE " + MatchCondition + ")");
            parameters.Add(("@q", q));
        }

        parameters.Add(("@limit", Math.Max(0, query.Limit)));
        parameters.Add(("@offset", Math.Max(0, query.Offset)));
        var sql = "SELECT id, title, date, location, independent_sources, article_count, claim_count FROM stories" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY date DESC NULLS LAST, id LIMIT @limit OFFSET @offset";
        return Connection.Query(null, sql, r => new StorySummary(
            r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.NullableString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)), [.. parameters]);
    }

    /// <summary>
    /// SQL true when <paramref name="column"/> starts with the code prefix in <c>{parameter}</c> (from
    /// <see cref="AddPrefix"/>): a byte-wise range, so the column's index serves it (a <c>LIKE</c> does not in SQLite).
    /// </summary>
    protected virtual string PrefixRange(string column, string parameter) => $"{column} >= {parameter} AND {column} < {parameter}_end";

    /// <summary>Adds the parameters of <see cref="PrefixRange"/>: the upper-cased code and the first string after every code it starts.</summary>
    private protected static void AddPrefix(List<(string, object?)> parameters, string name, string code)
    {
        var prefix = code.Trim().ToUpperInvariant();
        parameters.Add((name, prefix));
        parameters.Add((name + "_end", prefix + "\uffff"));
    }

    /// <summary>The fused story, or null when there is no story with this id.</summary>
    public Story? GetStory(string id)
    {
        var json = Connection.Scalar(null, "SELECT story FROM stories WHERE id = @id", ("@id", id)) as string;
        return json is null ? null : JsonSerializer.Deserialize<Story>(json, StoreJson.Options);
    }

    /// <summary>Every story, ordered by id (the order of every export).</summary>
    public IEnumerable<Story> AllStories()
    {
        // A separate connection: callers may query the store while they walk the stories.
        using var db = OpenConnection();
        using var command = db.Command(null, "SELECT story FROM stories ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return JsonSerializer.Deserialize<Story>(reader.GetString(0), StoreJson.Options)!;
        }
    }

    /// <summary>The articles of a story, in arrival order.</summary>
    public IReadOnlyList<StoredArticle> ArticlesOf(string storyId) =>
        LoadArticles(Connection, null, "SELECT seq, content_key, story_id, text, annotations FROM articles WHERE story_id = @s ORDER BY seq", ("@s", storyId));

    /// <summary>Articles matching <paramref name="text"/> (every word, stemmed), best first.</summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(text);
        var q = SearchQuery(text);
        if (q is null)
        {
            return [];
        }

        return Connection.Query(null, SearchSql, r => new SearchHit(r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.GetString(4), r.GetString(5)),
            ("@q", q), ("@limit", limit));
    }

    private List<StoredArticle> LoadArticles(DbConnection db, DbTransaction? transaction, string sql, params (string, object?)[] parameters) =>
        db.Query(transaction, sql, r =>
        {
            var key = r.GetString(1);
            var article = cache.Get(key) ?? Rehydrate(r.GetString(3), r.GetString(4));
            cache.Put(key, article);
            return new StoredArticle(r.GetInt64(0), key, r.GetString(2), article);
        }, parameters);

    private static AnnotatedArticle Rehydrate(string text, string annotations)
    {
        var article = JsonSerializer.Deserialize<AnnotatedArticle>(annotations, StoreJson.Options)!;
        return article with { Article = article.Article with { Text = text } };
    }

    /// <summary>The annotations as stored: everything but the text, which has its own column.</summary>
    private static string Dehydrate(AnnotatedArticle article) =>
        JsonSerializer.Serialize(article with { Article = article.Article with { Text = "" } }, StoreJson.Options);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection?.Dispose();
            connection = null;
        }
    }

    /// <summary>Annotated articles (or their grouping features) by content key. Stored articles never change, so a cached copy is never stale.</summary>
    private sealed class BoundedCache<T>(int capacity)
        where T : class
    {
        private readonly Dictionary<string, (T Article, long Used)> items = new(StringComparer.Ordinal);
        private long clock;

        public T? Get(string key)
        {
            lock (items)
            {
                if (items.TryGetValue(key, out var entry))
                {
                    items[key] = (entry.Article, ++clock);
                    return entry.Article;
                }

                return null;
            }
        }

        public void RetainOnly(HashSet<string> keys)
        {
            lock (items)
            {
                foreach (var old in items.Keys.Where(k => !keys.Contains(k)).ToList())
                {
                    items.Remove(old);
                }
            }
        }

        public void Put(string key, T article)
        {
            lock (items)
            {
                items[key] = (article, ++clock);
                if (items.Count > capacity)
                {
                    // Drop the older half at once: eviction stays rare and cheap.
                    var cutoff = items.Values.Select(v => v.Used).Order().ElementAt(items.Count / 2);
                    foreach (var old in items.Where(p => p.Value.Used < cutoff).Select(p => p.Key).ToList())
                    {
                        items.Remove(old);
                    }
                }
            }
        }
    }
}
