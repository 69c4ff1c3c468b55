using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dossier.Model;
using Dossier.Output;
using Dossier.Stories;

namespace Dossier.Storage;

public abstract partial class DossierStore
{
    private const int LookupChunk = 256;

    /// <summary>
    /// Ingests documents incrementally. Documents already processed (same raw content) are skipped before any
    /// extraction; articles whose normalised text or canonical URL is already stored are not stored again; the
    /// rest are written in batches of <see cref="StoreOptions.BatchSize"/>, one transaction each, together with
    /// their story membership and the re-fused stories they changed. A run killed at any moment leaves whole
    /// batches only; running it again completes the work with the same result as an uninterrupted run.
    /// </summary>
    /// <param name="items">Read items, in input order.</param>
    /// <param name="pipeline">The per-article stages, the grouper and the fuser.</param>
    /// <param name="onError">Told each input that failed, as it fails.</param>
    /// <param name="cancellationToken">Stops the run between documents; the batch under way is not committed.</param>
    /// <param name="progress">Told how many new documents have been processed so far (for a progress line).</param>
    /// <remarks>
    /// The run is <see cref="DossierPipeline.Run"/> with the store as its <see cref="ICheckpointSink"/>: the pipeline
    /// processes the next batch on every core while the store groups and commits the previous one. What the store
    /// adds is its own: skipping inputs it has seen (before the pipeline), and per batch the dedupe, the replay of
    /// stored stories, the transaction and the re-fusion of the stories that changed; series are linked at the end.
    /// </remarks>
    public IngestReport Ingest(IEnumerable<ReadItem> items, DossierPipeline pipeline, Action<InputError>? onError = null, CancellationToken cancellationToken = default,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pipeline);
        var writer = Connection;
        var tally = new Tally();
        using var lookup = OpenConnection();
        var sink = new BatchCommits(this, pipeline, tally, onError);
        IngestStarting(writer);
        try
        {
            pipeline.Run(Fresh(items, lookup, tally, onError, sink.SourceKeys), sink, progress, cancellationToken);
        }
        finally
        {
            IngestFinished(writer);
        }

        return new IngestReport(tally.Read, tally.Added, tally.Skipped, tally.Failed, tally.Created, tally.Updated)
        {
            Timings = new IngestTimings(Seconds(tally.GroupTicks), Seconds(tally.FuseTicks), Seconds(tally.WriteTicks))
            {
                FuseWait = Seconds(tally.FuseWaitTicks),
                Idle = Seconds(tally.IdleTicks),
                Series = Seconds(tally.SeriesTicks),
            },
        };
    }

    /// <summary>
    /// The store as the pipeline's checkpoint sink: each batch of processed documents is deduplicated, grouped in the
    /// run's session (after the stored stories it may join) and committed in one transaction.
    /// </summary>
    private sealed class BatchCommits(DossierStore store, DossierPipeline pipeline, Tally tally, Action<InputError>? onError) : ICheckpointSink
    {
        private readonly StoredSession stored = new();
        private long waitingSince;

        /// <summary>
        /// The source key of each fresh document, from <see cref="Fresh"/> (which hashed its raw content to skip
        /// known inputs) to <see cref="Keep"/>, so the content is hashed once. Holds the documents read ahead only.
        /// </summary>
        public ConcurrentDictionary<SourceDocument, string> SourceKeys { get; } = new(ReferenceEqualityComparer.Instance);

        public int BatchSize => store.Options.BatchSize;

        /// <summary>Keys and the annotations' JSON, computed on the workers to keep the serial commit short.</summary>
        public object? Keep(SourceDocument document, AnnotatedArticle? article)
        {
            if (!SourceKeys.TryRemove(document, out var sourceKey))
            {
                throw new InvalidOperationException($"{document.Label}: a document the store did not hand to the pipeline");
            }

            return article is null
                ? new Kept(sourceKey, null, null, null)
                : new Kept(sourceKey, ArticleKeys.Content(article.Article.Text, article.Article.Metadata.Outlet ?? article.Article.Metadata.Credit),
                    ArticleKeys.CanonicalUrl(article.Article.Metadata.Url), Dehydrate(article));
        }

        public void Begin(DateTimeOffset generatedAt) => waitingSince = Stopwatch.GetTimestamp();

        public void Checkpoint(IReadOnlyList<ProcessedDocument> batch, GroupingRun grouping)
        {
            // The grouping thread's time outside the sink is time spent waiting for the batch to be processed.
            tally.Time(ref tally.IdleTicks, waitingSince);
            store.CommitBatch(batch, pipeline, grouping, stored, tally, onError);
            waitingSince = Stopwatch.GetTimestamp();
        }

        /// <summary>Series need every story: linked once per run, not per batch (a digest is a few hundred bytes, so
        /// this reads a few megabytes at 100k stories). The stories still open were written by the last batch.</summary>
        public AnalysisSummary Finish(GroupingRun grouping, AnalysisSummary counted)
        {
            var linkStarted = Stopwatch.GetTimestamp();
            store.LinkSeriesIfStale(store.Connection);
            tally.Time(ref tally.SeriesTicks, linkStarted);
            return counted with { Stories = tally.Created + tally.Updated };
        }

        public void Complete(AnalysisSummary summary)
        {
        }

        // Not called: the pipeline hands a checkpoint sink its articles and errors in batches, and the store fuses the
        // stories a batch changed itself.
        public void Article(AnnotatedArticle article)
        {
        }

        public void Story(Story story)
        {
        }

        public void Error(InputError error)
        {
        }
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    /// <summary>
    /// The documents not processed before (by this run or an earlier one). What counts as fresh depends only on
    /// the store at the start of the run and the input order, so batch boundaries are the same in a resumed run.
    /// </summary>
    private IEnumerable<ReadItem> Fresh(IEnumerable<ReadItem> items, DbConnection lookup, Tally tally, Action<InputError>? onError, ConcurrentDictionary<SourceDocument, string> sourceKeys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<(string Key, SourceDocument Document)>(LookupChunk);
        foreach (var item in items)
        {
            if (item.Error is not null)
            {
                tally.AddFailed();
                onError?.Invoke(item.Error);
                continue;
            }

            var document = item.Document!;
            tally.AddRead();
            chunk.Add((ArticleKeys.Source(document.Content, document.Record), document));
            if (chunk.Count == LookupChunk)
            {
                foreach (var (key, fresh) in Filter(chunk, lookup, seen, tally, onError))
                {
                    sourceKeys[fresh] = key;
                    yield return ReadItem.Of(fresh);
                }

                chunk.Clear();
            }
        }

        foreach (var (key, document) in Filter(chunk, lookup, seen, tally, onError))
        {
            sourceKeys[document] = key;
            yield return ReadItem.Of(document);
        }
    }

    private static List<(string Key, SourceDocument Document)> Filter(List<(string Key, SourceDocument Document)> chunk, DbConnection lookup, HashSet<string> seen, Tally tally, Action<InputError>? onError)
    {
        if (chunk.Count == 0)
        {
            return [];
        }

        var known = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, reason) in InQuery(lookup, null, "SELECT source_key, reason FROM sources WHERE source_key IN ({0})", chunk.Select(c => c.Key).Distinct(StringComparer.Ordinal).ToList(),
                     r => (r.GetString(0), r.NullableString(1))))
        {
            known[key] = reason;
        }

        var fresh = new List<(string Key, SourceDocument Document)>();
        foreach (var (key, document) in chunk)
        {
            if (known.TryGetValue(key, out var reason))
            {
                if (reason is null)
                {
                    tally.AddSkipped();
                }
                else
                {
                    // A document that failed before fails the same way again: say so rather than hide it.
                    tally.AddFailed();
                    onError?.Invoke(new InputError(document.Path, document.Record, reason));
                }
            }
            else if (!seen.Add(key))
            {
                tally.AddSkipped();
            }
            else
            {
                fresh.Add((key, document));
            }
        }

        return fresh;
    }

    private void CommitBatch(IReadOnlyList<ProcessedDocument> batch, DossierPipeline pipeline, GroupingRun grouping, StoredSession stored, Tally tally, Action<InputError>? onError)
    {
        var started = Stopwatch.GetTimestamp();
        var before = tally.GroupTicks + tally.FuseWaitTicks;
        CommitBatchCore(batch, pipeline, grouping, stored, tally, onError);
        // Writing is the batch's time less the grouping and the wait for fusion inside it (fusion overlaps the article writes).
        Interlocked.Add(ref tally.WriteTicks, Stopwatch.GetTimestamp() - started - (tally.GroupTicks + tally.FuseWaitTicks - before));
    }

    private void CommitBatchCore(IReadOnlyList<ProcessedDocument> batch, DossierPipeline pipeline, GroupingRun grouping, StoredSession stored, Tally tally, Action<InputError>? onError)
    {
        var db = Connection;
        using var transaction = BeginWrite(db);
        var sourceRows = new List<(string SourceKey, string? ContentKey, string? Reason)>();
        var candidates = new List<(Kept Item, object? Prepared, AnnotatedArticle Article, string ContentKey, string? Url)>();
        var prepared = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var document in batch)
        {
            var item = (Kept)document.Kept!;
            if (document.Article is { } article)
            {
                candidates.Add((item, document.Prepared, article, item.ContentKey!, item.Url));
                if (document.Error is { } partial)
                {
                    // Read in part (a text beyond the language stage's cap): stored, and said, as `analyze` says it.
                    tally.AddFailed();
                    onError?.Invoke(partial);
                }
            }
            else
            {
                var error = document.Error ?? new InputError(document.Path, document.Record, "no article found");
                tally.AddFailed();
                onError?.Invoke(error);
                sourceRows.Add((item.SourceKey, null, error.Reason));
            }
        }

        // Stored once: by normalised text, then by canonical URL; also within the batch.
        var storedKeys = InQuery(db, transaction, "SELECT content_key FROM articles WHERE content_key IN ({0})",
            candidates.Select(c => c.ContentKey).Distinct(StringComparer.Ordinal).ToList(), r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var storedUrls = InQuery(db, transaction, "SELECT canonical_url, content_key FROM articles WHERE canonical_url IN ({0})",
            candidates.Where(c => c.Url is not null).Select(c => c.Url!).Distinct(StringComparer.Ordinal).ToList(), r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        var takenIds = InQuery(db, transaction, "SELECT article_id FROM articles WHERE article_id IN ({0})",
            candidates.Select(c => c.Article.Article.Id).Distinct(StringComparer.Ordinal).ToList(), r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var batchUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        var fresh = new List<(Kept Item, AnnotatedArticle Article, string ContentKey, string? Url)>();
        foreach (var candidate in candidates)
        {
            if (storedKeys.Contains(candidate.ContentKey))
            {
                sourceRows.Add((candidate.Item.SourceKey, candidate.ContentKey, null));
                tally.AddSkipped();
                continue;
            }

            if (candidate.Url is not null && (storedUrls.TryGetValue(candidate.Url, out var same) || batchUrls.TryGetValue(candidate.Url, out same)))
            {
                sourceRows.Add((candidate.Item.SourceKey, same, null));
                tally.AddSkipped();
                continue;
            }

            storedKeys.Add(candidate.ContentKey);
            if (candidate.Url is not null)
            {
                batchUrls[candidate.Url] = candidate.ContentKey;
            }

            // Article ids come from path and record; a changed file under the same path is a new article with its own id.
            var article = candidate.Article;
            if (!takenIds.Add(article.Article.Id))
            {
                article = article with { Article = article.Article with { Id = article.Article.Id + "~" + candidate.ContentKey[..8] } };
                takenIds.Add(article.Article.Id);
            }

            // What the grouper prepared is a function of the article; an article renamed above is prepared as a copy of itself.
            prepared[candidate.ContentKey] = ReferenceEquals(article, candidate.Article) ? candidate.Prepared : grouping.PrepareCopy(candidate.Prepared, article);

            sourceRows.Add((candidate.Item.SourceKey, candidate.ContentKey, null));
            fresh.Add((candidate.Item, article, candidate.ContentKey, candidate.Url));
            annotations[candidate.ContentKey] = ReferenceEquals(article, candidate.Article) ? candidate.Item.Annotations! : Dehydrate(article);
        }

        void WriteSources()
        {
            using var insert = new Db.Prepared(db, transaction, "INSERT INTO sources (source_key, content_key, reason) VALUES (@k, @c, @r) ON CONFLICT (source_key) DO NOTHING", "@k", "@c", "@r");
            foreach (var (sourceKey, contentKey, reason) in sourceRows)
            {
                insert.Run(sourceKey, contentKey, reason);
            }
        }

        if (fresh.Count > 0)
        {
            AddArticles(db, transaction, pipeline, grouping, stored, fresh.Select(f => (f.Article, f.ContentKey, f.Url, annotations[f.ContentKey])).ToList(), prepared, tally, WriteSources);
        }
        else
        {
            WriteSources();
        }

        transaction.Commit();
        BatchCommitted(db);
    }

    /// <summary>
    /// Adds the new articles to the run's grouping session (after any stored story they may join and the session
    /// has not yet seen), stores them, moves any session article whose story changed, and fuses again only the
    /// stories whose membership changed. <c>writeAlongside</c> holds the batch's writes that do not depend on the
    /// stories, done while they are fused.
    /// </summary>
    /// <remarks>
    /// The session is the one `analyze` runs, so a run on an empty store gives `analyze`'s stories. Stored stories
    /// are replayed in one canonical order and each story is named after its canonically first article, so the
    /// stored stories do not depend on which ingester stored an article first nor on where a killed run stopped,
    /// within the grouper's budget of open reports (beyond it groups close by the stream's dates, as in `analyze`).
    /// Work per batch is bounded by the session's open groups, not by the database.
    /// </remarks>
    private void AddArticles(DbConnection db, DbTransaction transaction, DossierPipeline pipeline, GroupingRun grouping, StoredSession stored,
        List<(AnnotatedArticle Article, string ContentKey, string? Url, string Annotations)> fresh, Dictionary<string, object?> prepared, Tally tally, Action writeAlongside)
    {
        var newest = Convert.ToInt64(db.Scalar(transaction, "SELECT COALESCE(MAX(seq), 0) FROM articles"), CultureInfo.InvariantCulture);
        if (stored.LastSeq is { } last && last != newest)
        {
            // Another ingester wrote since this run's last batch (write transactions take turns): stories this session
            // holds may have gained its reports, and writing them from the session's view would drop those reports'
            // evidence. The session starts over from the store, which has both runs' work.
            grouping.StartOver();
            stored.Forget();
        }

        var nextSeq = newest + 1;
        var active = db.Query(transaction, "SELECT id FROM stories ORDER BY last_seq DESC, id LIMIT @n", r => r.GetString(0), ("@n", Options.ActiveStories));

        // Besides the most recently updated stories, every story dated near the batch's event days: a report joins
        // its event's story however many stories are open, and one arriving late (an archive loaded out of order)
        // still finds it. Story dates are ISO days, so text comparison orders them.
        // The days come from the default grouper's features; with a grouper of one's own only the recent stories are replayed.
        var days = new List<EventWindow>();
        foreach (var f in fresh)
        {
            if (prepared.GetValueOrDefault(f.ContentKey) is ArticleFeatures { Window: { Yearless: false } eventDays })
            {
                days.Add(eventDays);
            }
        }

        if (days.Count > 0)
        {
            var from = days.Min(w => w.First).AddDays(-Options.StoryReachDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = days.Max(w => w.Last).AddDays(Options.StoryReachDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var near = db.Query(transaction, "SELECT id FROM stories WHERE date >= @a AND date <= @b", r => r.GetString(0), ("@a", from), ("@b", to));
            active = [.. active.Union(near, StringComparer.Ordinal)];
        }

        // A stored story enters the run's session once: stories of earlier runs when a batch first comes near them;
        // stories this run wrote are in the session already, or closed by it (as `analyze` closes them), and are
        // never replayed. So each report is grouped once per run, not once per batch.
        var reopened = active.Where(stored.Seen.Add).ToList();
        var replay = reopened.Count == 0 ? [] : InQueryArticles(db, transaction, reopened);
        var added = fresh.Select(f => new StoredArticle(nextSeq++, f.ContentKey, "", f.Article)).ToList();
        stored.LastSeq = nextSeq - 1;
        var groupStarted = Stopwatch.GetTimestamp();
        var session = grouping.Session;

        // Replayed stories first, in the canonical grouping order; then the new reports in input order, as `analyze`
        // adds them (a run on an empty store groups exactly as `analyze` does).
        foreach (var article in GroupingOrder(replay).Concat(added))
        {
            stored.Open[article.Article.Article.Id] = article;
            // A new article was prepared on the workers; a replayed one is prepared here (a pure function of the article).
            session.Add(article.Article, prepared.TryGetValue(article.ContentKey, out var ready) ? ready : grouping.Prepare(article.Article));
        }

        // The stories the session closed since the last batch are final; the open ones are written as they stand and
        // may change with later batches. Membership is read from the clusters, not from Add's answers: a grouper may
        // merge two stories after both were answered.
        var closedNow = session.TakeClosed();
        var clusters = closedNow.Concat(session.Stories).ToList();
        var window = clusters.SelectMany(c => c.Articles.Concat(c.Announcements)).Select(a => stored.Open[a.Article.Id]).ToList();
        var sessionOf = new Dictionary<StoredArticle, string>(ReferenceEqualityComparer.Instance);
        var announcements = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var member in cluster.Articles)
            {
                sessionOf[stored.Open[member.Article.Id]] = cluster.Id;
            }

            // An announcement is stored with the story it announces, and fused apart from its reports.
            foreach (var member in cluster.Announcements)
            {
                sessionOf[stored.Open[member.Article.Id]] = cluster.Id;
                announcements.Add(member.Article.Id);
            }
        }

        // Each session story is named after its canonically first article.
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in GroupingOrder(window))
        {
            storyOf.TryAdd(sessionOf[article], "s" + article.ContentKey[..12]);
        }

        var members = new Dictionary<string, List<StoredArticle>>(StringComparer.Ordinal);
        var moved = new List<StoredArticle>();
        foreach (var article in window)
        {
            var storyId = storyOf[sessionOf[article]];
            var placed = article with { StoryId = storyId };
            if (article.StoryId.Length > 0 && article.StoryId != storyId)
            {
                moved.Add(placed);
            }

            (members.TryGetValue(storyId, out var list) ? list : members[storyId] = []).Add(placed);
        }

        // Every story stored with a member in the session has all its members there (stories enter whole and leave
        // whole), so the window alone says what each story held before this batch.
        var before = window.Where(a => a.StoryId.Length > 0).GroupBy(a => a.StoryId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(' ', g.Select(a => a.ContentKey).Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        var changed = members.Where(m => !before.TryGetValue(m.Key, out var old) || old != string.Join(' ', m.Value.Select(a => a.ContentKey).Order(StringComparer.Ordinal)))
            .Select(m => m.Key).Order(StringComparer.Ordinal).ToList();
        var emptied = before.Keys.Where(id => !members.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();

        tally.Time(ref tally.GroupTicks, groupStarted);
        // Fusion is a pure function of a cluster: the changed stories are fused in parallel, in the background,
        // while this thread writes the articles and everything else that does not depend on the stories; the
        // stories are then written in order.
        var sourceOf = SourceNames(clusters);
        var fusing = Task.Run(() =>
        {
            var fuseStarted = Stopwatch.GetTimestamp();
            // The digest series linking reads, from the same story and cluster as in `analyze` (schema 3).
            var stories = pipeline.FuseAll(changed.Select(id => Cluster(id, members[id], sourceOf, announcements)),
                (cluster, story, digest) => (Id: cluster.Id, Story: story, Json: System.Text.Json.JsonSerializer.Serialize(story, StoreJson.Options), Digest: digest)).ToList();
            tally.Time(ref tally.FuseTicks, fuseStarted);
            return stories;
        });

        using var writer = new StoryWriter(db, transaction);
        try
        {
            WriteArticles(db, transaction, added.Select(a => a with { StoryId = storyOf[sessionOf[a]] }).ToList(), fresh, moved);
            foreach (var id in emptied)
            {
                writer.Delete(id);
            }

            // The changed stories' old claims, evidence and actors go in a few statements per batch, not three per story.
            foreach (var table in (string[])["claims", "evidence", "story_actors"])
            {
                InExecute(db, transaction, "DELETE FROM " + table + " WHERE story_id IN ({0})", changed);
            }

            writeAlongside();
        }
        finally
        {
            // Never leave the fusion running behind a failed write; its own failure is reported below.
            var waitStarted = Stopwatch.GetTimestamp();
            ((IAsyncResult)fusing).AsyncWaitHandle.WaitOne();
            tally.Time(ref tally.FuseWaitTicks, waitStarted);
        }

        List<(string Id, Story Story, string Json, SeriesDigest Digest)> fused;
        try
        {
            fused = fusing.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // Callers see the fuser's own exception, as they would without the parallel loop.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        tally.Added += added.Count;
        foreach (var (id, story, json, digest) in fused)
        {
            writer.Write(story, json, members[id], digest);
        }

        // The session's articles now carry the stories just written; those of closed stories leave with them. Every
        // story written this run counts as seen: closed ones are settled for the run, open ones are in the session.
        foreach (var placed in members.Values.SelectMany(m => m))
        {
            stored.Open[placed.Article.Article.Id] = placed;
        }

        foreach (var member in closedNow.SelectMany(c => c.Articles.Concat(c.Announcements)))
        {
            stored.Open.Remove(member.Article.Id);
        }

        stored.Seen.UnionWith(members.Keys);

        // The caches keep exactly the session's open articles: the session holds them anyway, and nothing else is
        // read again this run.
        var keep = stored.Open.Values.Select(a => a.ContentKey).ToHashSet(StringComparer.Ordinal);
        cache.RetainOnly(keep);

        tally.Created += changed.Count(id => !before.ContainsKey(id));
        tally.Updated += changed.Count(before.ContainsKey);
    }

    /// <summary>Inserts the new articles (with their full-text rows) and moves the window's articles whose story changed.</summary>
    private void WriteArticles(DbConnection db, DbTransaction transaction, List<StoredArticle> placedAdded,
        List<(AnnotatedArticle Article, string ContentKey, string? Url, string Annotations)> fresh, List<StoredArticle> moved)
    {
        using (var insert = new Db.Prepared(db, transaction,
                   "INSERT INTO articles (seq, content_key, canonical_url, article_id, path, record, title, outlet, credit, dateline, published, language, story_id, text, annotations) " +
                   "VALUES (@seq, @key, @url, @id, @path, @record, @title, @outlet, @credit, @dateline, @published, @language, @story, @text, @annotations)",
                   "@seq", "@key", "@url", "@id", "@path", "@record", "@title", "@outlet", "@credit", "@dateline", "@published", "@language", "@story", "@text", "@annotations"))
        using (var index = IndexSql is { } sql ? new Db.Prepared(db, transaction, sql, "@seq", "@title", "@text") : null)
        {
            for (var i = 0; i < placedAdded.Count; i++)
            {
                var row = placedAdded[i];
                var a = row.Article.Article;
                var m = a.Metadata;
                insert.Run(row.Seq, row.ContentKey, fresh[i].Url, a.Id, a.Path, a.Record, m.Title, m.Outlet, m.Credit, m.Dateline,
                    m.Published?.ToString("O", CultureInfo.InvariantCulture), m.Language, row.StoryId, a.Text, fresh[i].Annotations);
                index?.Run(row.Seq, m.Title ?? "", a.Text);
                cache.Put(row.ContentKey, row.Article);
            }
        }

        // The coded events as rows (schema 2): the timeline and the event list are then index reads. Keyed by the
        // article's seq, which a move to another story leaves alone.
        using (var events = new Db.Prepared(db, transaction,
                   "INSERT INTO events (seq, position, source, target, code, goldstein, modality, negated, day, sentence) " +
                   "VALUES (@seq, @p, @s, @t, @c, @g, @m, @n, @d, @sentence)",
                   "@seq", "@p", "@s", "@t", "@c", "@g", "@m", "@n", "@d", "@sentence"))
        {
            foreach (var row in placedAdded)
            {
                var article = row.Article;
                if (article.Events.IsDefaultOrEmpty)
                {
                    continue;
                }

                var day = (article.EventDate ?? (article.Article.Metadata.Published is { } published ? DateOnly.FromDateTime(published.DateTime) : null))
                    ?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                for (var i = 0; i < article.Events.Length; i++)
                {
                    var e = article.Events[i];
                    var sentence = e.SentenceIndex >= 0 && e.SentenceIndex < article.Sentences.Length ? article.Sentences[e.SentenceIndex].Span.Of(article.Article.Text) : "";
                    events.Run(row.Seq, i, e.Source.Code, e.Target.Code, e.Code, e.Goldstein, Output.StatusNames.Of(e.Modality), e.Negated ? 1 : 0, day, sentence);
                }
            }
        }

        using var move = new Db.Prepared(db, transaction, "UPDATE articles SET story_id = @s WHERE seq = @seq", "@s", "@seq");
        foreach (var article in moved)
        {
            move.Run(article.StoryId, article.Seq);
        }
    }

    /// <summary>
    /// The order the window is grouped in: event day (else publication day), then publication time, then
    /// content key. Like <see cref="Canonical"/> it depends only on which articles are stored; leading with
    /// the day the grouper's clock runs on keeps that clock moving forward, as in a live stream, so a story is
    /// not closed by a later-dated report replayed before its own (undated feeds would otherwise be grouped in
    /// content-key order, which is random in time, and split events).
    /// </summary>
    private static IOrderedEnumerable<StoredArticle> GroupingOrder(IEnumerable<StoredArticle> articles) => articles
        .OrderBy(a => a.Article.EventDate ?? (a.Article.Article.Metadata.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : DateOnly.MaxValue))
        .ThenBy(a => a.Article.Article.Metadata.Published ?? DateTimeOffset.MaxValue)
        .ThenBy(a => a.ContentKey, StringComparer.Ordinal);

    /// <summary>
    /// Publication time, then content key: an order that depends neither on arrival nor on which of two
    /// identical input files was stored (the path would).
    /// </summary>
    private static IOrderedEnumerable<StoredArticle> Canonical(IEnumerable<StoredArticle> articles) => articles
        .OrderBy(a => a.Article.Article.Metadata.Published ?? DateTimeOffset.MaxValue)
        .ThenBy(a => a.ContentKey, StringComparer.Ordinal);

    /// <summary>
    /// Per article id, the name of the independent source the grouper put it in (the first group naming it, in
    /// the session's order). Built once per batch: looking it up per story would scan every group of the window.
    /// </summary>
    private static Dictionary<string, string> SourceNames(IReadOnlyList<StoryCluster> sessionClusters)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in sessionClusters)
        {
            foreach (var group in cluster.Sources)
            {
                foreach (var id in group.ArticleIds)
                {
                    names.TryAdd(id, group.Source);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// The cluster handed to the fuser: the story's articles in the canonical order (publication time, then
    /// content key), so the fused record does not depend on which ingester stored which article first.
    /// </summary>
    private static StoryCluster Cluster(string storyId, List<StoredArticle> stored, Dictionary<string, string> sourceOf, HashSet<string> announcements)
    {
        var articles = stored.Where(a => !announcements.Contains(a.Article.Article.Id)).ToList();
        var announced = Canonical(stored.Where(a => announcements.Contains(a.Article.Article.Id))).Select(a => a.Article).ToImmutableArray();
        var ordered = Canonical(articles).Select(a => a.Article).ToImmutableArray();

        // Source groups come from the grouper (it knows copies and syndication); merged by source name and
        // restricted to this story's articles. An article no group covers is a source of its own. Groups and
        // their articles follow the canonical order.
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var article in ordered)
        {
            var id = article.Article.Id;
            var m = article.Article.Metadata;
            var name = sourceOf.TryGetValue(id, out var source) ? source : m.Credit ?? m.Outlet ?? id;
            if (!groups.TryGetValue(name, out var list))
            {
                groups[name] = list = [];
                order.Add(name);
            }

            list.Add(id);
        }

        var sources = order.Select(name => new SourceGroup(name, [.. groups[name]])).ToImmutableArray();
        return new StoryCluster(storyId, ordered, sources) { Announcements = announced };
    }

    /// <summary>Writes fused stories with their claims, evidence and actors; statements are prepared once per batch.</summary>
    private sealed class StoryWriter(DbConnection db, DbTransaction transaction) : IDisposable
    {
        private readonly Db.Prepared upsert = new(db, transaction,
            "INSERT INTO stories (id, title, date, location, independent_sources, article_count, claim_count, first_seq, last_seq, story, corroborated, single_source, conflicting) " +
            "VALUES (@id, @title, @date, @location, @sources, @articles, @claims, @first, @last, @story, @corroborated, @single, @conflicting) " +
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, date = excluded.date, location = excluded.location, " +
            "independent_sources = excluded.independent_sources, article_count = excluded.article_count, claim_count = excluded.claim_count, " +
            "first_seq = excluded.first_seq, last_seq = excluded.last_seq, story = excluded.story, " +
            "corroborated = excluded.corroborated, single_source = excluded.single_source, conflicting = excluded.conflicting",
            "@id", "@title", "@date", "@location", "@sources", "@articles", "@claims", "@first", "@last", "@story", "@corroborated", "@single", "@conflicting");

        private readonly Db.Prepared[] clear =
        [
            new(db, transaction, "DELETE FROM claims WHERE story_id = @id", "@id"),
            new(db, transaction, "DELETE FROM evidence WHERE story_id = @id", "@id"),
            new(db, transaction, "DELETE FROM story_actors WHERE story_id = @id", "@id"),
            new(db, transaction, "DELETE FROM story_digests WHERE story_id = @id", "@id"),
        ];

        private readonly Db.Prepared digest = DigestInsert(db, transaction);

        private readonly Db.Prepared delete = new(db, transaction, "DELETE FROM stories WHERE id = @id", "@id");

        private readonly Db.Prepared claim = new(db, transaction,
            "INSERT INTO claims (story_id, claim_id, position, text, topic, status, independent_sources, event_source, event_code, event_target, goldstein, event_mode) " +
            "VALUES (@s, @c, @p, @t, @topic, @status, @n, @es, @ec, @et, @g, @m)",
            "@s", "@c", "@p", "@t", "@topic", "@status", "@n", "@es", "@ec", "@et", "@g", "@m");

        private readonly Db.Prepared evidence = new(db, transaction,
            "INSERT INTO evidence (story_id, claim_id, position, article_id, sentence_index, start, length) VALUES (@s, @c, @p, @a, @i, @start, @length)",
            "@s", "@c", "@p", "@a", "@i", "@start", "@length");

        private readonly Db.Prepared actor = new(db, transaction, "INSERT INTO story_actors (story_id, actor) VALUES (@s, @a) ON CONFLICT DO NOTHING", "@s", "@a");

        public void Delete(string id)
        {
            foreach (var statement in clear)
            {
                statement.Run(id);
            }

            delete.Run(id);
        }

        /// <summary>Writes a story whose old claims, evidence and actors were already deleted.</summary>
        public void Write(Story story, string json, List<StoredArticle> articles, SeriesDigest seriesDigest)
        {
            WriteDigest(digest, seriesDigest);
            upsert.Run(story.Id, story.Title, story.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), story.Location, story.Sources.Length,
                articles.Count, story.Claims.Length, articles.Min(a => a.Seq), articles.Max(a => a.Seq), json,
                WithStatus(ClaimStatus.Corroborated), WithStatus(ClaimStatus.SingleSource), WithStatus(ClaimStatus.Conflicting));
            int WithStatus(ClaimStatus status) => story.Claims.Count(c => c.Status == status);
            for (var i = 0; i < story.Claims.Length; i++)
            {
                var c = story.Claims[i];
                claim.Run(story.Id, c.Id, i, c.Text, c.Topic, StatusNames.Of(c.Status), c.IndependentSources, c.Event?.Source, c.Event?.Code, c.Event?.Target, c.Event?.Goldstein, c.Event?.Mode);
                for (var j = 0; j < c.Evidence.Length; j++)
                {
                    var e = c.Evidence[j];
                    evidence.Run(story.Id, c.Id, j, e.ArticleId, e.SentenceIndex, e.Span.Start, e.Span.Length);
                }
            }

            foreach (var code in Actors(story, articles))
            {
                actor.Run(story.Id, code);
            }
        }

        public void Dispose()
        {
            upsert.Dispose();
            delete.Dispose();
            claim.Dispose();
            evidence.Dispose();
            actor.Dispose();
            digest.Dispose();
            foreach (var statement in clear)
            {
                statement.Dispose();
            }
        }
    }

    /// <summary>Every actor code the story or its articles name: participants, claim events, coded events, mentions.</summary>
    private static SortedSet<string> Actors(Story story, List<StoredArticle> articles)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string? code)
        {
            if (!string.IsNullOrWhiteSpace(code))
            {
                codes.Add(code);
            }
        }

        foreach (var p in story.Participants)
        {
            Add(p.Actor);
        }

        foreach (var c in story.Claims)
        {
            Add(c.Event?.Source);
            Add(c.Event?.Target);
        }

        foreach (var a in articles)
        {
            foreach (var e in a.Article.Events)
            {
                Add(e.Source.Code);
                Add(e.Target.Code);
            }

            foreach (var m in a.Article.Mentions)
            {
                Add(m.Actor);
            }
        }

        return codes;
    }

    /// <summary>The articles of <paramref name="storyIds"/> in arrival order; text and annotations are read only for articles not in the cache.</summary>
    private List<StoredArticle> InQueryArticles(DbConnection db, DbTransaction transaction, List<string> storyIds)
    {
        var rows = InQuery(db, transaction, "SELECT seq, content_key, story_id FROM articles WHERE story_id IN ({0})", storyIds,
            r => (Seq: r.GetInt64(0), Key: r.GetString(1), Story: r.GetString(2))).OrderBy(r => r.Seq).ToList();
        var found = new Dictionary<string, AnnotatedArticle>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var row in rows)
        {
            if (cache.Get(row.Key) is { } cached)
            {
                found[row.Key] = cached;
            }
            else
            {
                missing.Add(row.Key);
            }
        }

        foreach (var (key, text, annotations) in InQuery(db, transaction, "SELECT content_key, text, annotations FROM articles WHERE content_key IN ({0})", missing,
                     r => (r.GetString(0), r.GetString(1), r.GetString(2))))
        {
            var article = Rehydrate(text, annotations);
            cache.Put(key, article);
            found[key] = article;
        }

        return [.. rows.Select(r => new StoredArticle(r.Seq, r.Key, r.Story, found[r.Key]))];
    }

    /// <summary>Executes <paramref name="sqlFormat"/> with <c>{0}</c> replaced by a parameter list, in chunks small enough for either server.</summary>
    private static void InExecute(DbConnection db, DbTransaction transaction, string sqlFormat, List<string> values)
    {
        for (var offset = 0; offset < values.Count; offset += 500)
        {
            var slice = values.Skip(offset).Take(500).ToList();
            var names = slice.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            db.Execute(transaction, string.Format(CultureInfo.InvariantCulture, sqlFormat, string.Join(", ", names)), [.. names.Zip(slice, (n, v) => (n, (object?)v))]);
        }
    }

    /// <summary>Runs <paramref name="sqlFormat"/> with <c>{0}</c> replaced by a parameter list, in chunks small enough for either server.</summary>
    private static List<T> InQuery<T>(DbConnection db, DbTransaction? transaction, string sqlFormat, List<string> values, Func<DbDataReader, T> map)
    {
        var rows = new List<T>();
        for (var offset = 0; offset < values.Count; offset += 500)
        {
            var slice = values.Skip(offset).Take(500).ToList();
            var names = slice.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            var sql = string.Format(CultureInfo.InvariantCulture, sqlFormat, string.Join(", ", names));
            rows.AddRange(db.Query(transaction, sql, map, [.. names.Zip(slice, (n, v) => (n, (object?)v))]));
        }

        return rows;
    }

    /// <summary>
    /// What the store keeps of one processed document until its batch is committed, computed on the workers. It holds
    /// the document's keys, not the document: its raw content (a whole web page) is not needed after processing.
    /// </summary>
    private sealed record Kept(string SourceKey, string? ContentKey, string? Url, string? Annotations);

    /// <summary>What one ingest run knows of its grouping session: the session's articles as stored, and the stories it has seen.</summary>
    private sealed class StoredSession
    {
        /// <summary>The articles in the session's open groups, by article id, with the story each is stored in.</summary>
        public Dictionary<string, StoredArticle> Open { get; } = new(StringComparer.Ordinal);

        /// <summary>Stories replayed into the session or written by it during this run: never replayed (again).</summary>
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        /// <summary>The newest article seq once this run's last batch was written; null before its first batch.</summary>
        public long? LastSeq { get; set; }

        /// <summary>
        /// Forgets the session, which was started over (<see cref="GroupingRun.StartOver"/>), as a new run would: every
        /// batch writes the session's stories as they stand, so the store holds all the old session knew, and the next
        /// batch replays what it comes near.
        /// </summary>
        public void Forget()
        {
            Open.Clear();
            Seen.Clear();
        }
    }

    /// <summary>Counters touched by the reading thread and the writing thread at once.</summary>
    private sealed class Tally
    {
        private int read, added, skipped, failed, created, updated;

        public int Read { get => Volatile.Read(ref read); set => Interlocked.Exchange(ref read, value); }
        public int Added { get => Volatile.Read(ref added); set => Interlocked.Exchange(ref added, value); }
        public int Skipped { get => Volatile.Read(ref skipped); set => Interlocked.Exchange(ref skipped, value); }
        public int Failed { get => Volatile.Read(ref failed); set => Interlocked.Exchange(ref failed, value); }
        public int Created { get => Volatile.Read(ref created); set => Interlocked.Exchange(ref created, value); }
        public int Updated { get => Volatile.Read(ref updated); set => Interlocked.Exchange(ref updated, value); }

        public long GroupTicks;
        public long FuseTicks;
        public long FuseWaitTicks;
        public long WriteTicks;
        public long IdleTicks;
        public long SeriesTicks;

        public void Time(ref long counter, long started) => Interlocked.Add(ref counter, Stopwatch.GetTimestamp() - started);

        public void AddRead() => Interlocked.Increment(ref read);
        public void AddSkipped() => Interlocked.Increment(ref skipped);
        public void AddFailed() => Interlocked.Increment(ref failed);
    }
}
