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

    /// <summary>Ids of the stories that have at least one claim with this status.</summary>
    public IReadOnlySet<string> StoriesWithStatus(ClaimStatus status) =>
        Connection.Query(null, "SELECT DISTINCT story_id FROM claims WHERE status = @s", r => r.GetString(0), ("@s", StatusName(status))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Ids of the stories naming both actors (by code prefix: <c>PAK</c> matches <c>PAKGOV</c>), by id.</summary>
    public IReadOnlyList<string> StoriesWithActors(string first, string second)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(first);
        ArgumentException.ThrowIfNullOrWhiteSpace(second);
        return Connection.Query(null,
            "SELECT DISTINCT a.story_id FROM story_actors a JOIN story_actors b ON b.story_id = a.story_id WHERE a.actor LIKE @a AND b.actor LIKE @b ORDER BY a.story_id",
            r => r.GetString(0), ("@a", first.Trim().ToUpperInvariant() + "%"), ("@b", second.Trim().ToUpperInvariant() + "%"));
    }
}
