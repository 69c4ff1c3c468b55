using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>Settings of <see cref="StoryGrouper"/>. The defaults are tuned on the seeds, the demo corpus and the 181 benchmark pages.</summary>
public sealed record StoryGrouperOptions
{
    /// <summary>The least score with which an article joins a story.</summary>
    public double JoinThreshold { get; init; } = 0.30;

    /// <summary>The least score with which a second story is merged into the one an article joined (the article bridges them).</summary>
    public double MergeThreshold { get; init; } = 0.38;

    /// <summary>Weight of TF-IDF cosine similarity over title and body.</summary>
    public double ContentWeight { get; init; } = 0.65;

    /// <summary>Weight of shared entities.</summary>
    public double EntityWeight { get; init; } = 0.25;

    /// <summary>Weight of shared coded events.</summary>
    public double EventWeight { get; init; } = 0.10;

    /// <summary>Days over which the date score halves-and-more (exp(-gap/decay)).</summary>
    public double DateDecayDays { get; init; } = 2.0;

    /// <summary>An article whose event date lies more than this many days outside a story's dates never joins it.</summary>
    public int MaxDayGap { get; init; } = 4;

    /// <summary>Factor applied when the article's event location differs from the story's.</summary>
    public double LocationMismatchFactor { get; init; } = 0.6;

    /// <summary>Factor applied when article and story each name three or more entities and share none: another event.</summary>
    public double EntityMismatchFactor { get; init; } = 0.5;

    /// <summary>A story closes when no article has joined for this many days of the stream's dates.</summary>
    public int CloseAfterDays { get; init; } = 7;

    /// <summary>For undated streams: a story closes when this many articles have arrived since one joined it.</summary>
    public int CloseAfterArticles { get; init; } = 200_000;

    /// <summary>Estimated shingle Jaccard above which two texts are copies of one another.</summary>
    public double CopyJaccard { get; init; } = 0.5;

    /// <summary>Strongest terms per article used as blocking keys.</summary>
    public int BlockingTerms { get; init; } = 10;

    /// <summary>Blocking keys shared by more active stories than this are not discriminating and are not scanned.</summary>
    public int MaxPostings { get; init; } = 400;

    /// <summary>Candidate stories scored fully per article.</summary>
    public int MaxCandidates { get; init; } = 24;

    /// <summary>Terms kept in a story's centroid.</summary>
    public int CentroidSize { get; init; } = 400;
}

/// <summary>
/// The default grouper: copies and syndication collapsed to one source, then online grouping of articles
/// into stories by content, entities, event dates and coded events, with candidates found by blocking.
/// </summary>
public sealed class StoryGrouper : IStoryGrouper
{
    /// <summary>A grouper with the default settings.</summary>
    public StoryGrouper()
        : this(new StoryGrouperOptions())
    {
    }

    /// <summary>A grouper with the given settings.</summary>
    public StoryGrouper(StoryGrouperOptions options) => Options = options;

    /// <summary>The settings.</summary>
    public StoryGrouperOptions Options { get; }

    /// <inheritdoc />
    public object? Prepare(AnnotatedArticle article) => ArticleFeatures.Of(article);

    /// <inheritdoc />
    public IStoryGroupingSession Start() => new StoryGroupingSession(Options);
}

/// <summary>
/// One grouping session. Per-story state is explicit (<see cref="StoryState"/>); the session's indexes
/// (blocking postings, copy hashes, document frequencies) only speed up finding candidates.
/// </summary>
public sealed class StoryGroupingSession : IStoryGroupingSession
{
    private const int DfBuckets = 1 << 20;

    private readonly StoryGrouperOptions options;
    private readonly int[] documentFrequency = new int[DfBuckets];
    private readonly Dictionary<string, StoryState> active = new(StringComparer.Ordinal);
    private readonly List<StoryState> closed = [];
    private readonly Dictionary<string, List<AnnotatedArticle>> articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> storyOfArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> exactIndex = [];
    private readonly Dictionary<ulong, List<string>> bandIndex = [];
    private readonly Dictionary<string, CopyFingerprint> fingerprints = new(StringComparer.Ordinal);
    private long documents;
    private long sequence;
    private int nextStory;
    private DateOnly? now;

    /// <summary>Starts an empty session.</summary>
    public StoryGroupingSession(StoryGrouperOptions options) => this.options = options;

    /// <summary>The state of the stories still open to new articles.</summary>
    public IReadOnlyCollection<StoryState> ActiveStates => active.Values;

    /// <summary>How many stories are open.</summary>
    public int ActiveCount => active.Count;

    /// <inheritdoc />
    public IReadOnlyList<StoryCluster> Stories =>
        [.. active.Values.Concat(closed).OrderBy(s => s.FirstSequence).Select(ToCluster)];

    /// <summary>Returns the stories closed since the last call and forgets them: memory stays bounded by the open stories.</summary>
    public IReadOnlyList<StoryCluster> DrainClosed()
    {
        var drained = closed.OrderBy(s => s.FirstSequence).Select(ToCluster).ToList();
        foreach (var state in closed)
        {
            articles.Remove(state.Id);
            foreach (var id in state.ArticleIds)
            {
                storyOfArticle.Remove(id);
            }
        }

        closed.Clear();
        return drained;
    }

    /// <inheritdoc />
    /// <remarks>The pipeline fuses and writes what this returns at once, so a long run holds only open stories.</remarks>
    public IReadOnlyList<StoryCluster> TakeClosed() => closed.Count == 0 ? [] : DrainClosed();

    /// <summary>Closes every open story (end of stream).</summary>
    public void CloseAll()
    {
        foreach (var state in active.Values.OrderBy(s => s.FirstSequence).ToList())
        {
            Close(state);
        }
    }

    /// <inheritdoc />
    public string Add(AnnotatedArticle article) => Add(article, ArticleFeatures.Of(article));

    /// <inheritdoc />
    public string Add(AnnotatedArticle article, object? prepared) => Add(article, prepared as ArticleFeatures ?? ArticleFeatures.Of(article));

    /// <summary>Adds an article whose features were computed beforehand (for example in parallel).</summary>
    public string Add(AnnotatedArticle article, ArticleFeatures features)
    {
        sequence++;
        AdvanceClock(features.Date);
        var vector = Weigh(features);

        var story = FindCopy(features, out var copyOf) ?? Best(features, vector);
        if (story is null)
        {
            story = new StoryState { Id = "s" + (++nextStory).ToString("D4", CultureInfo.InvariantCulture), FirstSequence = sequence };
            active.Add(story.Id, story);
            articles.Add(story.Id, []);
        }

        Join(story, article, features, vector, copyOf);
        return story.Id;
    }

    /// <summary>The score of an article against a story: content, entities and events, scaled by date and place agreement.</summary>
    internal double Score(ArticleFeatures a, Dictionary<int, float> vector, StoryState s)
    {
        var factor = 1.0;
        if (a.Date is { } date && s.FirstDate is { } first && s.LastDate is { } last)
        {
            var gap = date < first ? first.DayNumber - date.DayNumber : date > last ? date.DayNumber - last.DayNumber : 0;
            if (gap > options.MaxDayGap)
            {
                return 0;
            }

            factor = Math.Exp(-gap / options.DateDecayDays);
        }

        if (a.Location is { } place && s.Locations.Count > 0 && !s.Locations.ContainsKey(place))
        {
            factor *= options.LocationMismatchFactor;
        }

        var content = Cosine(vector, s.Centroid);
        var entities = 0.0;
        if (a.Entities.Length > 0 && s.Entities.Count > 0)
        {
            var shared = a.Entities.Count(s.Entities.ContainsKey);
            entities = shared / (double)Math.Min(a.Entities.Length, s.Entities.Count);
            if (shared == 0 && a.Entities.Length >= 3 && s.Entities.Count >= 3)
            {
                factor *= options.EntityMismatchFactor;
            }
        }

        var events = a.EventKeys.Length > 0 && a.EventKeys.Any(s.EventKeys.Contains) ? 1.0 : 0.0;
        return ((options.ContentWeight * content) + (options.EntityWeight * entities) + (options.EventWeight * events)) * factor;
    }

    private StoryState? FindCopy(ArticleFeatures features, out string? copyOf)
    {
        copyOf = null;
        if (exactIndex.TryGetValue(features.ExactHash, out var exact) && storyOfArticle.TryGetValue(exact, out var exactStory) && active.TryGetValue(exactStory, out var s1))
        {
            copyOf = exact;
            return s1;
        }

        var signature = features.Signature.AsSpan().ToArray();
        string? best = null;
        var bestJaccard = options.CopyJaccard;
        foreach (var key in Fingerprints.BandKeys(signature))
        {
            if (!bandIndex.TryGetValue(key, out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                var j = Fingerprints.EstimatedJaccard(signature, fingerprints[id].Signature);
                if (j >= bestJaccard && (j > bestJaccard || best is null || string.CompareOrdinal(id, best) < 0))
                {
                    best = id;
                    bestJaccard = j;
                }
            }
        }

        if (best is not null && storyOfArticle.TryGetValue(best, out var storyId) && active.TryGetValue(storyId, out var s2))
        {
            copyOf = best;
            return s2;
        }

        return null;
    }

    private StoryState? Best(ArticleFeatures features, Dictionary<int, float> vector)
    {
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in BlockingKeys(features, vector))
        {
            if (postings.TryGetValue(key, out var ids) && ids.Count <= options.MaxPostings)
            {
                foreach (var id in ids)
                {
                    hits[id] = hits.GetValueOrDefault(id) + 1;
                }
            }
        }

        var scored = hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Take(options.MaxCandidates)
            .Select(h => (State: active[h.Key], Score: Score(features, vector, active[h.Key])))
            .Where(c => c.Score >= options.JoinThreshold)
            .OrderByDescending(c => c.Score).ThenBy(c => c.State.FirstSequence)
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        // A report that fits several stories well bridges them: they were one story told in parts.
        var bridged = scored.Where(c => c.Score >= options.MergeThreshold).Select(c => c.State).ToList();
        if (bridged.Count < 2)
        {
            return scored[0].State;
        }

        var target = bridged.MinBy(s => s.FirstSequence)!;
        foreach (var other in bridged.Where(s => s != target))
        {
            Merge(target, other);
        }

        return target;
    }

    private IEnumerable<string> BlockingKeys(ArticleFeatures features, Dictionary<int, float> vector)
    {
        foreach (var (term, _) in vector.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(options.BlockingTerms))
        {
            yield return "t:" + term.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var entity in features.Entities)
        {
            yield return "e:" + entity;
        }
    }

    private void Join(StoryState story, AnnotatedArticle article, ArticleFeatures features, Dictionary<int, float> vector, string? copyOf)
    {
        story.ArticleIds.Add(features.ArticleId);
        story.LastSequence = sequence;
        if (features.Date is { } date)
        {
            story.FirstDate = story.FirstDate is { } f && f <= date ? f : date;
            story.LastDate = story.LastDate is { } l && l >= date ? l : date;
        }

        if (features.Location is { } location)
        {
            story.Locations[location] = story.Locations.GetValueOrDefault(location) + 1;
        }

        foreach (var (term, weight) in vector)
        {
            story.Centroid[term] = story.Centroid.GetValueOrDefault(term) + weight;
        }

        if (story.Centroid.Count > 2 * options.CentroidSize)
        {
            story.Centroid = story.Centroid.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(options.CentroidSize).ToDictionary(p => p.Key, p => p.Value);
        }

        foreach (var entity in features.Entities)
        {
            story.Entities[entity] = story.Entities.GetValueOrDefault(entity) + 1;
        }

        story.EventKeys.UnionWith(features.EventKeys);

        // A copy counts as the source whose text it carries; otherwise its own credit or outlet, else itself.
        string sourceKey;
        if (copyOf is not null && story.SourceOf.TryGetValue(copyOf, out var original))
        {
            sourceKey = features.SourceKey is { } own && story.SourceLabels.ContainsKey(own) ? own : original;
        }
        else if (features.SourceKey is { } key)
        {
            sourceKey = key;
            story.SourceLabels.TryAdd(key, features.SourceLabel ?? key);
        }
        else
        {
            sourceKey = "article:" + features.ArticleId;
            story.SourceLabels.TryAdd(sourceKey, features.ArticleId);
        }

        story.SourceOf[features.ArticleId] = sourceKey;

        var fingerprint = new CopyFingerprint(features.ArticleId, features.ExactHash, features.Signature.AsSpan().ToArray());
        story.Fingerprints.Add(fingerprint);
        IndexFingerprint(fingerprint);
        storyOfArticle[features.ArticleId] = story.Id;
        articles[story.Id].Add(article);

        if (story.BlockingKeys.Count < 4 * options.BlockingTerms * 8)
        {
            foreach (var key in BlockingKeys(features, vector))
            {
                if (story.BlockingKeys.Add(key))
                {
                    Post(key, story.Id);
                }
            }
        }
    }

    private void IndexFingerprint(CopyFingerprint fingerprint)
    {
        fingerprints[fingerprint.ArticleId] = fingerprint;
        exactIndex.TryAdd(fingerprint.ExactHash, fingerprint.ArticleId);
        foreach (var key in Fingerprints.BandKeys(fingerprint.Signature))
        {
            if (!bandIndex.TryGetValue(key, out var list))
            {
                bandIndex[key] = list = [];
            }

            list.Add(fingerprint.ArticleId);
        }
    }

    private void UnindexFingerprint(CopyFingerprint fingerprint)
    {
        fingerprints.Remove(fingerprint.ArticleId);
        if (exactIndex.TryGetValue(fingerprint.ExactHash, out var id) && id == fingerprint.ArticleId)
        {
            exactIndex.Remove(fingerprint.ExactHash);
        }

        foreach (var key in Fingerprints.BandKeys(fingerprint.Signature))
        {
            if (bandIndex.TryGetValue(key, out var list))
            {
                list.Remove(fingerprint.ArticleId);
                if (list.Count == 0)
                {
                    bandIndex.Remove(key);
                }
            }
        }
    }

    private void Post(string key, string storyId)
    {
        if (!postings.TryGetValue(key, out var ids))
        {
            postings[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(storyId);
    }

    private void Unpost(StoryState story)
    {
        foreach (var key in story.BlockingKeys)
        {
            if (postings.TryGetValue(key, out var ids))
            {
                ids.Remove(story.Id);
                if (ids.Count == 0)
                {
                    postings.Remove(key);
                }
            }
        }
    }

    private void Merge(StoryState target, StoryState other)
    {
        Unpost(other);
        active.Remove(other.Id);
        foreach (var id in other.ArticleIds)
        {
            storyOfArticle[id] = target.Id;
        }

        target.ArticleIds.AddRange(other.ArticleIds);
        articles[target.Id].AddRange(articles[other.Id]);
        articles.Remove(other.Id);
        target.LastSequence = Math.Max(target.LastSequence, other.LastSequence);
        target.FirstDate = Min(target.FirstDate, other.FirstDate);
        target.LastDate = Max(target.LastDate, other.LastDate);
        foreach (var (k, v) in other.Locations)
        {
            target.Locations[k] = target.Locations.GetValueOrDefault(k) + v;
        }

        foreach (var (k, v) in other.Centroid)
        {
            target.Centroid[k] = target.Centroid.GetValueOrDefault(k) + v;
        }

        foreach (var (k, v) in other.Entities)
        {
            target.Entities[k] = target.Entities.GetValueOrDefault(k) + v;
        }

        target.EventKeys.UnionWith(other.EventKeys);
        foreach (var (k, v) in other.SourceOf)
        {
            target.SourceOf[k] = v;
        }

        foreach (var (k, v) in other.SourceLabels)
        {
            target.SourceLabels.TryAdd(k, v);
        }

        target.Fingerprints.AddRange(other.Fingerprints);
        foreach (var key in other.BlockingKeys)
        {
            if (target.BlockingKeys.Add(key))
            {
                Post(key, target.Id);
            }
        }
    }

    private void AdvanceClock(DateOnly? date)
    {
        var advanced = false;
        if (date is { } d && (now is null || d > now))
        {
            now = d;
            advanced = true;
        }

        if (!advanced && sequence % 1024 != 0)
        {
            return;
        }

        var stale = active.Values.Where(s =>
            (now is { } today && s.LastDate is { } last && today.DayNumber - last.DayNumber > options.CloseAfterDays)
            || sequence - s.LastSequence > options.CloseAfterArticles).ToList();
        foreach (var state in stale)
        {
            Close(state);
        }
    }

    private void Close(StoryState state)
    {
        Unpost(state);
        foreach (var fingerprint in state.Fingerprints)
        {
            UnindexFingerprint(fingerprint);
        }

        active.Remove(state.Id);
        closed.Add(state);
    }

    private Dictionary<int, float> Weigh(ArticleFeatures features)
    {
        documents++;
        foreach (var (term, _) in features.TermCounts)
        {
            documentFrequency[unchecked((uint)term) % DfBuckets]++;
        }

        var vector = new Dictionary<int, float>(features.TermCounts.Length);
        var norm = 0.0;
        foreach (var (term, count) in features.TermCounts)
        {
            var idf = Math.Log((documents + 1.0) / (documentFrequency[unchecked((uint)term) % DfBuckets] + 1.0)) + 1.0;
            var w = (1.0 + Math.Log(count)) * idf;
            vector[term] = (float)w;
            norm += w * w;
        }

        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            foreach (var term in vector.Keys.ToList())
            {
                vector[term] = (float)(vector[term] / norm);
            }
        }

        return vector;
    }

    private static double Cosine(Dictionary<int, float> unit, Dictionary<int, float> centroid)
    {
        double dot = 0, norm = 0;
        foreach (var (_, w) in centroid)
        {
            norm += w * (double)w;
        }

        if (norm == 0)
        {
            return 0;
        }

        foreach (var (term, w) in unit)
        {
            if (centroid.TryGetValue(term, out var c))
            {
                dot += w * (double)c;
            }
        }

        return dot / Math.Sqrt(norm);
    }

    private StoryCluster ToCluster(StoryState state)
    {
        var list = articles[state.Id];
        var groups = list.GroupBy(a => state.SourceOf[a.Article.Id], StringComparer.Ordinal)
            .Select(g => new SourceGroup(state.SourceLabels.GetValueOrDefault(g.Key) ?? g.Key, [.. g.Select(a => a.Article.Id)]));
        return new StoryCluster(state.Id, [.. list], [.. groups]);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
