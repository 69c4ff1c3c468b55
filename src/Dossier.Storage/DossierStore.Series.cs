using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Storage;

// Series of recurring events (schema 3). Each fused story leaves its digest (StorySeries.Digest, written with the story);
// after an ingest the series are linked from every stored digest by StorySeries.Link, the function `analyze` runs at the
// end of its run. Linking is a function of the set of digests, so the stored series do not depend on batches or runs.
public abstract partial class DossierStore
{
    /// <summary>The series <paramref name="storyId"/> belongs to, earliest story first; null when it belongs to none.</summary>
    public StorySeriesRecord? SeriesOf(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        var found = Connection.Query(null, "SELECT " + SeriesColumns + " FROM series_stories x JOIN series s ON s.id = x.series_id WHERE x.story_id = @id",
            r => (Id: r.GetString(0), Name: r.GetString(1), Next: Next(r, 2)), ("@id", storyId));
        return found.Count == 0 ? null : new StorySeriesRecord(found[0].Id, found[0].Name,
            [.. Connection.Query(null, "SELECT story_id, title, date, location, ordinal FROM series_stories WHERE series_id = @s ORDER BY position", Entry, ("@s", found[0].Id))])
        { Next = found[0].Next };
    }

    // A series' own columns, as Next reads them from the third on.
    private const string SeriesColumns = "s.id, s.name, s.next_date, s.next_location, s.next_ordinal, s.next_announced_in, s.next_evidence";

    /// <summary>Every stored series, in the order <see cref="StorySeries.Link"/> gives them (by their first story's day, then id).</summary>
    public IReadOnlyList<StorySeriesRecord> AllSeries()
    {
        var heads = Connection.Query(null, "SELECT " + SeriesColumns + " FROM series s", r => (Id: r.GetString(0), Name: r.GetString(1), Next: Next(r, 2))).ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. Connection.Query(null, "SELECT series_id, position, story_id, title, date, location, ordinal FROM series_stories",
                r => (Series: r.GetString(0), Position: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), Entry: Entry(r, 2)))
            .GroupBy(r => r.Series, StringComparer.Ordinal)
            .Select(g => new StorySeriesRecord(g.Key, heads[g.Key].Name, [.. g.OrderBy(r => r.Position).Select(r => r.Entry)]) { Next = heads[g.Key].Next })
            .OrderBy(s => s.Stories[0].Date).ThenBy(s => s.Stories[0].StoryId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Links the series again from every stored digest when articles were added since the last linking (or never
    /// linked: a database from before schema 3, whose stories get their digests first). Under the write lock, so two
    /// ingesters finishing together link one after the other, the later one from everything both stored.
    /// </summary>
    private void LinkSeriesIfStale(DbConnection db)
    {
        using var transaction = BeginWrite(db);
        var newest = Convert.ToInt64(db.Scalar(transaction, "SELECT COALESCE(MAX(seq), 0) FROM articles"), CultureInfo.InvariantCulture);
        var linked = db.Scalar(transaction, "SELECT seq FROM series_linked WHERE id = 1");
        if (linked is not null and not DBNull && Convert.ToInt64(linked, CultureInfo.InvariantCulture) == newest)
        {
            transaction.Commit();
            return;
        }

        DigestUndigested(db, transaction);
        var digests = db.Query(transaction,
            "SELECT s.id, s.title, s.date, s.location, d.terms, d.entities, d.ordinals, d.recurring, d.labels, d.names, d.announced FROM story_digests d JOIN stories s ON s.id = d.story_id",
            r => new SeriesDigest(r.GetString(0), r.GetString(1), Day(r.NullableString(2)), r.NullableString(3), DecodeTerms(r.GetString(4)),
                [.. JsonSerializer.Deserialize<string[]>(r.GetString(5))!], [.. JsonSerializer.Deserialize<string[]>(r.GetString(6))!],
                Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture) != 0)
            {
                Labels = [.. JsonSerializer.Deserialize<string[]>(r.GetString(8))!],
                Names = [.. JsonSerializer.Deserialize<string[]>(r.GetString(9))!],
                Announced = r.NullableString(10) is { } announced ? JsonSerializer.Deserialize<AnnouncedOccurrence>(announced, StoreJson.Options) : null,
            });
        var series = StorySeries.Link(digests);

        db.Execute(transaction, "DELETE FROM series_stories");
        db.Execute(transaction, "DELETE FROM series");
        using (var head = new Db.Prepared(db, transaction,
                   "INSERT INTO series (id, name, next_date, next_location, next_ordinal, next_announced_in, next_evidence) VALUES (@id, @name, @date, @location, @ordinal, @in, @evidence)",
                   "@id", "@name", "@date", "@location", "@ordinal", "@in", "@evidence"))
        using (var member = new Db.Prepared(db, transaction,
                   "INSERT INTO series_stories (series_id, position, story_id, title, date, location, ordinal) VALUES (@s, @p, @story, @title, @date, @location, @ordinal)",
                   "@s", "@p", "@story", "@title", "@date", "@location", "@ordinal"))
        {
            foreach (var record in series)
            {
                var next = record.Next;
                head.Run(record.Id, record.Name, next?.Date, next?.Location, next?.Ordinal, next?.AnnouncedIn,
                    next is null ? null : JsonSerializer.Serialize(next.EvidenceIds.IsDefault ? [] : next.EvidenceIds.ToArray()));
                for (var i = 0; i < record.Stories.Length; i++)
                {
                    var e = record.Stories[i];
                    member.Run(record.Id, i, e.StoryId, e.Title, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Location, e.Ordinal);
                }
            }
        }

        db.Execute(transaction, "DELETE FROM series_linked");
        db.Execute(transaction, "INSERT INTO series_linked (id, seq) VALUES (1, @seq)", ("@seq", newest));
        transaction.Commit();
    }

    /// <summary>Digests for stories stored before schema 3, from their stored articles (announcements left out, as when fused).</summary>
    private void DigestUndigested(DbConnection db, DbTransaction transaction)
    {
        // Ids first (read from the primary key's index alone), then each story: the stories' JSON is most of the table.
        var missing = db.Query(transaction, "SELECT id FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_digests d WHERE d.story_id = stories.id) ORDER BY id", r => r.GetString(0));
        if (missing.Count == 0)
        {
            return;
        }

        using var insert = DigestInsert(db, transaction);
        foreach (var id in missing)
        {
            var story = JsonSerializer.Deserialize<Story>((string)db.Scalar(transaction, "SELECT story FROM stories WHERE id = @id", ("@id", id))!, StoreJson.Options)!;
            var announced = story.AnnouncementIds.IsDefault ? [] : story.AnnouncementIds.ToHashSet(StringComparer.Ordinal);
            var articles = LoadArticles(db, transaction, "SELECT seq, content_key, story_id, text, annotations FROM articles WHERE story_id = @s ORDER BY seq", ("@s", story.Id))
                .Select(a => a.Article).Where(a => !announced.Contains(a.Article.Id)).ToImmutableArray();
            WriteDigest(insert, StorySeries.Digest(story, new StoryCluster(story.Id, articles, [])));
        }
    }

    /// <summary>The statement that stores a story's digest, replacing an older one.</summary>
    private static Db.Prepared DigestInsert(DbConnection db, DbTransaction transaction) => new(db, transaction,
        "INSERT INTO story_digests (story_id, terms, entities, ordinals, recurring, labels, names, announced) VALUES (@s, @t, @e, @o, @r, @l, @n, @a) " +
        "ON CONFLICT (story_id) DO UPDATE SET terms = excluded.terms, entities = excluded.entities, ordinals = excluded.ordinals, recurring = excluded.recurring, " +
        "labels = excluded.labels, names = excluded.names, announced = excluded.announced",
        "@s", "@t", "@e", "@o", "@r", "@l", "@n", "@a");

    private static void WriteDigest(Db.Prepared insert, SeriesDigest digest) =>
        insert.Run(digest.StoryId, EncodeTerms(digest.Terms), JsonSerializer.Serialize(digest.Entities.ToArray()), JsonSerializer.Serialize(digest.Ordinals.ToArray()), digest.Recurring ? 1 : 0,
            JsonSerializer.Serialize(digest.Labels.IsDefault ? [] : digest.Labels.ToArray()), JsonSerializer.Serialize(digest.Names.IsDefault ? [] : digest.Names.ToArray()),
            digest.Announced is null ? null : JsonSerializer.Serialize(digest.Announced, StoreJson.Options));

    /// <summary>Terms as "term:count" separated by spaces: compact, and read back exactly.</summary>
    internal static string EncodeTerms(ImmutableArray<(int Term, int Count)> terms)
    {
        var sb = new StringBuilder(terms.Length * 14);
        foreach (var (term, count) in terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(term.ToString(CultureInfo.InvariantCulture)).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>The inverse of <see cref="EncodeTerms"/>.</summary>
    internal static ImmutableArray<(int Term, int Count)> DecodeTerms(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return (int.Parse(pair.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                int.Parse(pair.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture));
        })];

    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SeriesEntry Entry(DbDataReader r) => Entry(r, 0);

    // The announced next occurrence from a series row's next_* columns (from column at); null when none was announced.
    private static AnnouncedOccurrence? Next(DbDataReader r, int at) =>
        r.IsDBNull(at + 3) ? null : new AnnouncedOccurrence(r.NullableString(at), r.NullableString(at + 1),
            r.IsDBNull(at + 2) ? null : Convert.ToInt32(r.GetValue(at + 2), CultureInfo.InvariantCulture), r.GetString(at + 3),
            [.. JsonSerializer.Deserialize<string[]>(r.NullableString(at + 4) ?? "[]")!]);

    private static SeriesEntry Entry(DbDataReader r, int at) =>
        new(r.GetString(at), r.GetString(at + 1), Day(r.NullableString(at + 2)), r.NullableString(at + 3),
            r.IsDBNull(at + 4) ? null : Convert.ToInt32(r.GetValue(at + 4), CultureInfo.InvariantCulture));
}
