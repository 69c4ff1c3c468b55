using Dossier.Model;

namespace Dossier.Storage;

/// <summary>One line of an article listing: metadata only, no text.</summary>
public sealed record ArticleSummary(string ArticleId, string StoryId, string? Title, string? Outlet, string? Published, string Path);

/// <summary>An actor code and how many stories name it.</summary>
public sealed record ActorCount(string Actor, int Stories);

// Read methods the web API needs beyond the CLI's; written by the web helper, kept apart from the ingest code.
public abstract partial class DossierStore
{
    /// <summary>The stored article with this id (the first stored, when copies share an id), or null.</summary>
    public StoredArticle? GetArticle(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        var rows = LoadArticles(Connection, null,
            "SELECT seq, content_key, story_id, text, annotations FROM articles WHERE article_id = @id ORDER BY seq LIMIT 1", ("@id", articleId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Articles in arrival order, optionally of one story; metadata only.</summary>
    public IReadOnlyList<ArticleSummary> Articles(string? storyId = null, int limit = 100)
    {
        var sql = "SELECT article_id, story_id, title, outlet, published, path FROM articles" +
            (storyId is null ? "" : " WHERE story_id = @s") + " ORDER BY seq LIMIT @limit";
        return Connection.Query(null, sql, r => new ArticleSummary(r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.NullableString(4), r.GetString(5)),
            ("@s", storyId), ("@limit", limit));
    }

    /// <summary>Actor codes named by stories, with their story counts, most frequent first, then by code.</summary>
    public IReadOnlyList<ActorCount> Actors(string? prefix = null, int limit = 500)
    {
        var sql = "SELECT actor, COUNT(*) AS n FROM story_actors" + (string.IsNullOrWhiteSpace(prefix) ? "" : " WHERE actor LIKE @p") +
            " GROUP BY actor ORDER BY n DESC, actor LIMIT @limit";
        return Connection.Query(null, sql, r => new ActorCount(r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)),
            ("@p", prefix?.Trim().ToUpperInvariant() + "%"), ("@limit", limit));
    }

    /// <summary>
    /// Coded events between two actors, either direction (codes by prefix: <c>PAK</c> matches <c>PAKGOV</c>), by story,
    /// then article, then position in the article; at most <paramref name="limit"/>. One indexed query on the events table.
    /// </summary>
    public IReadOnlyList<StoredEvent> EventsBetween(string first, string second, int limit = 1000)
    {
        var (condition, parameters) = PairCondition(first, second);
        parameters.Add(("@limit", Math.Max(0, limit)));
        return Connection.Query(null,
            "SELECT a.article_id, a.story_id, e.day, e.source, e.target, e.code, e.goldstein, e.modality, e.negated, e.sentence " +
            "FROM events e JOIN articles a ON a.seq = e.seq WHERE " + condition + " ORDER BY a.story_id, e.seq, e.position LIMIT @limit",
            r => new StoredEvent(r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetDouble(6), r.GetString(7), Convert.ToInt64(r.GetValue(8), System.Globalization.CultureInfo.InvariantCulture) != 0, r.GetString(9)),
            [.. parameters]);
    }

    /// <summary>
    /// Events between two actors per day (either direction, codes by prefix), days in order; the events with no known day
    /// come as one entry with a null day. Read from the <c>events_pair</c> index alone.
    /// </summary>
    public IReadOnlyList<EventDayTotal> EventDays(string first, string second)
    {
        var (condition, parameters) = PairCondition(first, second);
        return Connection.Query(null,
            "SELECT e.day, COUNT(*), SUM(e.goldstein) FROM events e WHERE " + condition + " GROUP BY e.day ORDER BY e.day",
            r => new EventDayTotal(r.NullableString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)),
            [.. parameters]);
    }

    private (string Condition, List<(string, object?)> Parameters) PairCondition(string first, string second)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(first);
        ArgumentException.ThrowIfNullOrWhiteSpace(second);
        var parameters = new List<(string, object?)>();
        AddPrefix(parameters, "@a", first);
        AddPrefix(parameters, "@b", second);
        var condition = "((" + PrefixRange("e.source", "@a") + " AND " + PrefixRange("e.target", "@b") + ") OR (" +
            PrefixRange("e.source", "@b") + " AND " + PrefixRange("e.target", "@a") + "))";
        return (condition, parameters);
    }
}

/// <summary>
/// A coded event as stored (schema 2, table <c>events</c>): its article and story, its day (the article's event day,
/// else its publication day, ISO; null when neither is known), the actor codes, CAMEO code, Goldstein weight,
/// modality, negation and the sentence it was coded in.
/// </summary>
public sealed record StoredEvent(string ArticleId, string StoryId, string? Day, string Source, string Target, string Code, double Goldstein,
    string Modality, bool Negated, string Sentence);

/// <summary>How many events fell on one day and the sum of their Goldstein weights; <see cref="Day"/> null for undated events.</summary>
public sealed record EventDayTotal(string? Day, int Events, double GoldsteinSum);
