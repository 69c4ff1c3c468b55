using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.Intrinsics;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>Document frequencies of terms over a set of reports, and its size: the weights of a larger set a subset is clustered by.</summary>
/// <param name="Count">How many reports were counted.</param>
/// <param name="Frequencies">In how many of them each term occurs.</param>
public sealed record TermBackground(int Count, IReadOnlyDictionary<int, int> Frequencies)
{
    /// <summary>Counts the terms of the given reports.</summary>
    public static TermBackground Of(IEnumerable<ArticleFeatures> reports)
    {
        var df = new Dictionary<int, int>();
        var count = 0;
        foreach (var f in reports)
        {
            count++;
            foreach (var (term, _) in f.TermCounts)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(df, term, out _)++;
            }
        }

        return new TermBackground(count, df);
    }
}

/// <summary>How strongly two reports are linked as candidates for one story (<see cref="EventClustering.Link(ArticleFeatures, ArticleFeatures, StoryGrouperOptions)"/>).</summary>
public enum LinkStrength
{
    /// <summary>Not candidates for one story.</summary>
    None,

    /// <summary>Candidates through one name shared among many that are not: gathered, but not kept together in a very large group.</summary>
    Weak,

    /// <summary>Candidates.</summary>
    Strong,
}

/// <summary>
/// Gathers a closed set of candidate reports into stories, one per real-world event: a pure function of the
/// set, whatever order its reports arrived in. Copies collapse first (one node per text); nodes are then
/// joined by average-linkage agglomeration on a pairwise similarity (content with weights from this set,
/// entities, coded events, scaled by event-day distance and place agreement), under hard constraints: two
/// reports whose event windows lie apart, or whose openings give different ordinals ("6th round" against
/// "7th round"), are never in one story, so an undated report cannot bridge two dated events.
/// </summary>
public static class EventClustering
{
    // Documents of a pseudo-corpus in which no term occurs, added to the set's own count: in a set that is all
    // one event, the words every report shares keep most of their weight instead of falling to nothing.
    private const double IdfPrior = 20;

    /// <summary>
    /// Whether two reports could be one story: a loose, symmetric, pairwise test that decides which reports are
    /// clustered together (never whether they end up in one story).
    /// </summary>
    public static bool Linked(ArticleFeatures a, ArticleFeatures b, StoryGrouperOptions options) => Link(a, b, options) != LinkStrength.None;

    /// <summary>
    /// How strongly two reports are linked: not at all, weakly (dated reports sharing one name among many they do not
    /// share, with words that agree no more than a template's would), or strongly. Symmetric, a function of the two
    /// reports alone.
    /// </summary>
    public static LinkStrength Link(ArticleFeatures a, ArticleFeatures b, StoryGrouperOptions options) =>
        Link(a.Window, a.Key, a, b.Window, b.Key, b, options);

    /// <summary>
    /// The same test, given each report's window and <see cref="LinkKey"/> apart from its features: the grouping session
    /// keeps both in lists beside its slots, so a pair the key rules out never reads the candidate's features.
    /// </summary>
    internal static LinkStrength Link(EventWindow? windowA, in LinkKey keyA, ArticleFeatures a, EventWindow? windowB, in LinkKey keyB, ArticleFeatures b, StoryGrouperOptions options)
    {
        var distance = windowA is { } wa && windowB is { } wb ? wa.DistanceTo(wb) : (int?)null;
        if (IsCopy(distance, keyA, a, keyB, b, options))
        {
            return LinkStrength.Strong;
        }

        if (distance > options.MaxDayGap)
        {
            return LinkStrength.None;
        }

        if (keyA.HasOrdinals && keyB.HasOrdinals && EventFacts.Conflict(a.Ordinals, b.Ordinals))
        {
            return LinkStrength.None;
        }

        // Words alone link reports written from one template about different events (every rate decision, every
        // report of a generated stream): a shared name is asked for as well, unless the names alone are many.
        // A report may name someone by surname alone ("Kinoni said"), or give names the language stage did not
        // resolve (its capitalised words stand in): one name sharing a word with a name of the other report is
        // a shared name for this loose test.
        var shared = (keyA.EntityMask & keyB.EntityMask) == 0 ? 0 : SharedCount(a.Entities, b.Entities);
        if (shared == 0)
        {
            shared = SharedNameWords(keyA, a, keyB, b);
        }

        if (keyA.EntityCount == 0 || keyB.EntityCount == 0)
        {
            // A report naming nobody the language stage knows (invented or unusual names) links on words alone, at the higher bar.
            return Strength(keyA.MayReach(keyB, options.UndatedLinkCosine) && TermCosine(a, b) >= options.UndatedLinkCosine);
        }

        var undated = distance is null;
        if (shared == 0)
        {
            // Two dated reports of the same days may name different people (one quotes the minister, the other his
            // aide) and share only the names the language stage does not know: most of their words, then, at the
            // highest bar.
            return Strength(!undated && keyA.MayReach(keyB, options.NamelessLinkCosine) && TermCosine(a, b) >= options.NamelessLinkCosine);
        }

        if (undated && shared >= 3)
        {
            return LinkStrength.Strong;
        }

        var cosine = TermCosine(a, b);
        if (shared < options.LinkNames || cosine < (undated ? options.UndatedLinkCosine : options.LinkCosine))
        {
            return LinkStrength.None;
        }

        // One name in common among many each report gives alone is what two events of one busy week share by
        // chance (a capital, a country, a surname); of one event only when most words agree too. Such a link still
        // gathers reports for clustering, but a group of thousands is clustered by its strong links only.
        var few = 2.0 * shared < options.StrongNameShare * (keyA.EntityCount + keyB.EntityCount);
        return !undated && few && cosine < options.NamelessLinkCosine ? LinkStrength.Weak : LinkStrength.Strong;
    }

    private static LinkStrength Strength(bool linked) => linked ? LinkStrength.Strong : LinkStrength.None;

    /// <summary>Whether one report is a copy of the other: the same normalised text, or most of the same word shingles.</summary>
    /// <remarks>Copies far apart in time are two events told in one template (an annual statement), not syndication.</remarks>
    public static bool IsCopy(ArticleFeatures a, ArticleFeatures b, StoryGrouperOptions options) =>
        IsCopy(a.Window is { } wa && b.Window is { } wb ? wa.DistanceTo(wb) : null, a.Key, a, b.Key, b, options);

    // The copy test given the windows' distance (null when either report is undated); the sketches rule out most pairs
    // before the signatures are read.
    private static bool IsCopy(int? distance, in LinkKey keyA, ArticleFeatures a, in LinkKey keyB, ArticleFeatures b, StoryGrouperOptions options) =>
        !(distance > options.CopyMaxDays)
        && (keyA.ExactHash == keyB.ExactHash
            || (keyA.MayAgree(keyB, AgreeingPositions(Fingerprints.SignatureLength, options.CopyJaccard)) && SignaturesAgree(a.Signature, b.Signature, options.CopyJaccard)));

    /// <summary>The fewest agreeing positions of <paramref name="length"/> whose share reaches the threshold, in the same arithmetic as the share itself.</summary>
    private static int AgreeingPositions(int length, double threshold)
    {
        var needed = (int)Math.Clamp(Math.Ceiling(threshold * length), 0, length + 1);
        while (needed > 0 && (needed - 1) / (double)length >= threshold)
        {
            needed--;
        }

        while (needed <= length && needed / (double)length < threshold)
        {
            needed++;
        }

        return needed;
    }

    // Whether the estimated Jaccard similarity of two MinHash signatures (the share of positions that agree) reaches
    // the threshold, without copying them. Four positions compared at a time, and the comparison stops as soon as the
    // positions left could no longer reach it: the copy test runs on every candidate pair on the grouping thread, and
    // most pairs are no copies at all.
    private static bool SignaturesAgree(ImmutableArray<ulong> a, ImmutableArray<ulong> b, double threshold)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0 >= threshold;
        }

        var length = a.Length;
        var needed = AgreeingPositions(length, threshold);

        ReadOnlySpan<ulong> x = a.AsSpan(), y = b.AsSpan();
        var same = 0;
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + Vector256<ulong>.Count <= x.Length; k += Vector256<ulong>.Count)
            {
                same += BitOperations.PopCount(Vector256.Equals(Vector256.Create(x[k..]), Vector256.Create(y[k..])).ExtractMostSignificantBits());
                if (same + (length - k - Vector256<ulong>.Count) < needed)
                {
                    return false;
                }
            }
        }

        for (; k < x.Length; k++)
        {
            same += x[k] == y[k] ? 1 : 0;
        }

        return same >= needed;
    }

    /// <summary>The stories of a closed set of candidate reports (ids left empty for the caller to give), in canonical order.</summary>
    public static IReadOnlyList<StoryCluster> Cluster(IReadOnlyList<(AnnotatedArticle Article, ArticleFeatures Features)> members, StoryGrouperOptions options) =>
        Cluster(members, options, null);

    /// <summary>
    /// The same, with document frequencies counted over a larger set the members belong to (a piece of a large
    /// candidate group is weighed by the group's frequencies: its words are common or rare among the reports it
    /// was split from, not among its own few).
    /// </summary>
    public static IReadOnlyList<StoryCluster> Cluster(IReadOnlyList<(AnnotatedArticle Article, ArticleFeatures Features)> members, StoryGrouperOptions options, TermBackground? background)
    {
        // A report linked to no other is its own story (an announcement too, having no story to announce): what the
        // steps below come to for one report, without their tables. Many groups of a stream are single reports.
        if (members.Count == 1)
        {
            return [ToCluster([members[0]], [0], [0])];
        }

        // Canonical order: by publication time, event day and text, so that nothing below depends on arrival (and the
        // earliest report, whose title names the story, comes first).
        var ordered = members
            .OrderBy(m => m.Article.Article.Metadata.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(m => m.Features.Window is { Yearless: false } w ? w.Middle : DateOnly.MaxValue)
            .ThenBy(m => m.Features.ExactHash)
            .ThenBy(m => m.Article.Article.Id, StringComparer.Ordinal)
            .ToList();

        var copyOf = CopyGroups(ordered, options);
        var nodes = Enumerable.Range(0, ordered.Count).Where(i => copyOf[i] == i).ToList();
        var clusters = Agglomerate(ordered, copyOf, nodes, options, background);
        var result = new List<StoryCluster>(clusters.Count);
        foreach (var (reports, announcements) in clusters)
        {
            var inCluster = new HashSet<int>(reports);
            var announced = new HashSet<int>(announcements);
            var indices = Enumerable.Range(0, ordered.Count).Where(i => inCluster.Contains(copyOf[i])).ToList();
            result.Add(ToCluster(ordered, copyOf, indices) with
            {
                Announcements = [.. Enumerable.Range(0, ordered.Count).Where(i => announced.Contains(copyOf[i])).Select(i => ordered[i].Article)],
            });
        }

        return result;
    }

    /// <summary>
    /// The canonical order of reports that clustering sorts a set in (publication time, event day, text,
    /// id): stories clustered apart are put in the order one clustering of them all would give.
    /// </summary>
    public static int CompareCanonically(AnnotatedArticle a, ArticleFeatures fa, AnnotatedArticle b, ArticleFeatures fb)
    {
        var c = (a.Article.Metadata.Published ?? DateTimeOffset.MaxValue).CompareTo(b.Article.Metadata.Published ?? DateTimeOffset.MaxValue);
        if (c == 0)
        {
            c = (fa.Window is { Yearless: false } wa ? wa.Middle : DateOnly.MaxValue).CompareTo(fb.Window is { Yearless: false } wb ? wb.Middle : DateOnly.MaxValue);
        }

        if (c == 0)
        {
            c = fa.ExactHash.CompareTo(fb.ExactHash);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Article.Id, b.Article.Id);
    }

    /// <summary>For each report, the index of the first report (in canonical order) of its copy group.</summary>
    private static int[] CopyGroups(List<(AnnotatedArticle Article, ArticleFeatures Features)> ordered, StoryGrouperOptions options)
    {
        var parent = Enumerable.Range(0, ordered.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                // The earlier report stays the root: the original of its copies.
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        // Identical texts first, then near copies found through the signatures' bands; each bucket is compared
        // with its first member only, so a story of thousands of copies costs thousands of comparisons, not millions.
        var first = new Dictionary<ulong, int>();
        var buckets = new Dictionary<ulong, int>();
        var signatures = new ulong[ordered.Count][];
        for (var i = 0; i < ordered.Count; i++)
        {
            var f = ordered[i].Features;
            if (first.TryGetValue(f.ExactHash, out var same) && IsCopy(ordered[same].Features, f, options))
            {
                Union(same, i);
                continue;
            }

            first.TryAdd(f.ExactHash, i);
            signatures[i] = [.. f.Signature];
            foreach (var key in Fingerprints.BandKeys(signatures[i]))
            {
                if (!buckets.TryGetValue(key, out var head))
                {
                    buckets[key] = i;
                }
                else if (Find(head) != Find(i) && IsCopy(ordered[head].Features, f, options))
                {
                    Union(head, i);
                }
            }
        }

        return [.. Enumerable.Range(0, ordered.Count).Select(Find)];
    }

    /// <summary>
    /// Average-linkage agglomeration of the copy groups' first reports under the hard constraints. Reports with
    /// an event window are clustered first; each report without one then joins the cluster whose reports share
    /// most of its distinctive words, when that cluster stands out clearly from the next best (words common to
    /// the whole set, like the negotiators every round shares, weigh nothing there); the rest are clustered
    /// among themselves on strong evidence only; announcements are linked last. Each undated report is placed
    /// against the dated clusters alone, never against another undated one, so no order can change where it
    /// goes. Only pairs that share a blocking key are scored (sparse), so a large set costs about its pairs of
    /// likely matches, not the square of its size.
    /// </summary>
    private static List<(List<int> Reports, List<int> Announcements)> Agglomerate(List<(AnnotatedArticle Article, ArticleFeatures Features)> ordered, int[] copyOf, List<int> nodes, StoryGrouperOptions options, TermBackground? background)
    {
        var n = nodes.Count;
        var features = nodes.Select(i => NodeFeatures(ordered, copyOf, i)).ToArray();
        var df = DocumentFrequencies(features);
        var count = n;
        if (background is { } b)
        {
            // Each term as frequent as it is in the larger set, or in this one where a report joined after the larger set was counted.
            foreach (var term in df.Keys.ToList())
            {
                df[term] = Math.Max(df[term], b.Frequencies.GetValueOrDefault(term));
            }

            count = Math.Max(n, b.Count);
        }

        var vectors = Weigh(features, df, count, IdfPrior);

        // Distinctive weights serve only to place reports without an event window and announcements: a set with none
        // (a stream of dated reports) does not make them.
        (int Term, double Weight)[][]? distinctiveVectors = null;
        (int Term, double Weight)[][] Distinctive() => distinctiveVectors ??= Weigh(features, df, count, 0);

        // Sparse similarities: neighbours[i][j] for candidate pairs that may share a story.
        var neighbours = Enumerable.Range(0, n).Select(_ => new Dictionary<int, double>()).ToArray();
        foreach (var (i, j) in CandidatePairs(features, options))
        {
            var (similarity, allowed) = Similarity(features[i], features[j], vectors[i], vectors[j], options);
            if (allowed && similarity > 0)
            {
                neighbours[i][j] = similarity;
                neighbours[j][i] = similarity;
            }
        }

        var dated = features.Select(f => f.Window is not null).ToArray();
        var announces = features.Select(f => f.Announcement).ToArray();
        var clusters = Enumerable.Range(0, n).Select(i => new Group(i, features[i])).ToArray();
        var owner = Enumerable.Range(0, n).ToArray();
        SparseMerge(clusters, owner, neighbours, i => dated[i] && !announces[i], options.JoinThreshold, options);

        // The cluster a report without an event window (or an announcement) belongs to, among the clusters of its
        // neighbours: the one whose reports share most of its distinctive words, if it stands out from the next
        // best; where nothing tells them apart (a set of two reports shares all its words), plain similarity must
        // be strong on its own.
        int Place(int u, Func<int, bool> eligible)
        {
            var sums = new Dictionary<int, double>();
            foreach (var (k, similarity) in neighbours[u])
            {
                var c = owner[k];
                if (eligible(c) && clusters[c].Admits(features[u], options))
                {
                    sums[c] = sums.GetValueOrDefault(c) + similarity;
                }
            }

            int best = -1, bestByRaw = -1;
            double first = 0, second = 0, firstRaw = 0, secondRaw = 0;
            foreach (var (c, total) in sums.OrderBy(p => p.Key))
            {
                var centroid = new Dictionary<int, double>();
                foreach (var m in clusters[c].Members)
                {
                    foreach (var (term, weight) in Distinctive()[m])
                    {
                        centroid[term] = centroid.GetValueOrDefault(term) + weight;
                    }
                }

                var score = Cosine(Distinctive()[u], centroid);
                var raw = total / clusters[c].Members.Count;
                (best, first, second) = score > first ? (c, score, first) : (best, first, Math.Max(second, score));
                (bestByRaw, firstRaw, secondRaw) = raw > firstRaw ? (c, raw, firstRaw) : (bestByRaw, firstRaw, Math.Max(secondRaw, raw));
            }

            if (best >= 0 && first >= options.UndatedPlacement && first >= options.UndatedMargin * second)
            {
                return best;
            }

            return bestByRaw >= 0 && firstRaw >= options.UndatedJoinThreshold && firstRaw >= options.UndatedMargin * secondRaw ? bestByRaw : -1;
        }

        // Undated reports against the dated clusters alone, all decided before any joins.
        var placed = new List<(int Report, int Cluster)>();
        for (var u = 0; u < n; u++)
        {
            if (!dated[u] && !announces[u] && Place(u, c => clusters[c].Alive && clusters[c].Dated && !announces[c]) is var c and >= 0)
            {
                placed.Add((u, c));
            }
        }

        var isPlaced = new HashSet<int>(placed.Select(p => p.Report));
        foreach (var (u, c) in placed)
        {
            Join(clusters, owner, c, u);
        }

        SparseMerge(clusters, owner, neighbours, i => !dated[i] && !announces[i] && !isPlaced.Contains(i), options.UndatedJoinThreshold, options);

        // Announcements against the stories now formed: linked to the one they announce, never counted among its reports.
        var announcements = new Dictionary<int, List<int>>();
        for (var u = 0; u < n; u++)
        {
            if (announces[u] && Place(u, c => clusters[c].Alive && !announces[c]) is var c and >= 0)
            {
                (announcements.TryGetValue(c, out var list) ? list : announcements[c] = []).Add(nodes[u]);
                clusters[u].Alive = false;
            }
        }

        return [.. clusters.Where(c => c.Alive)
            .Select(c => (Reports: c.Members.Select(m => nodes[m]).Order().ToList(), Announcements: announcements.TryGetValue(c.Root, out var a) ? a : []))
            .OrderBy(m => m.Reports[0])];
    }

    /// <summary>Pairs of reports that share a blocking key (a strong term or a name) held by few reports of the set: the only pairs scored.</summary>
    private static IEnumerable<(int, int)> CandidatePairs(ArticleFeatures[] features, StoryGrouperOptions options)
    {
        var termPostings = new Dictionary<int, List<int>>();
        var entityPostings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < features.Length; i++)
        {
            foreach (var term in StrongTerms(features[i], options.BlockingTerms))
            {
                (termPostings.TryGetValue(term, out var list) ? list : termPostings[term] = []).Add(i);
            }

            foreach (var entity in features[i].Entities)
            {
                (entityPostings.TryGetValue(entity, out var list) ? list : entityPostings[entity] = []).Add(i);
            }
        }

        // Keys in the order their written forms ("e:" + name, "t:" + term) sort in, as when the keys were strings:
        // the pairs come out in the same order, so the similarities are summed in the same order to the last bit.
        var lists = entityPostings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)
            .Concat(termPostings.Select(p => (Key: p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        var seen = new HashSet<long>();
        foreach (var list in lists)
        {
            if (list.Count > options.MaxPostings)
            {
                continue;
            }

            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    if (seen.Add(((long)list[a] << 32) | (uint)list[b]))
                    {
                        yield return (list[a], list[b]);
                    }
                }
            }
        }
    }

    /// <summary>
    /// An article's strongest terms, the term keys among its blocking keys: the <paramref name="count"/> terms of
    /// highest count, ties by term (its other keys are its entities). A pure function of the article.
    /// </summary>
    /// <remarks>A selection without sorting the whole vector or allocating more than the result: it runs for every report on the grouping thread.</remarks>
    internal static int[] StrongTerms(ArticleFeatures features, int count)
    {
        var counts = features.TermCounts.AsSpan();
        var top = new (int Term, int Count)[Math.Min(count, counts.Length)];
        var filled = 0;
        foreach (var t in counts)
        {
            // Terms come in ascending order, so an equal count never displaces one already kept (ties go to the smaller term).
            if (filled == top.Length && (top.Length == 0 || t.Count <= top[filled - 1].Count))
            {
                continue;
            }

            var k = filled < top.Length ? filled++ : filled - 1;
            while (k > 0 && top[k - 1].Count < t.Count)
            {
                top[k] = top[k - 1];
                k--;
            }

            top[k] = t;
        }

        var terms = new int[top.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = top[i].Term;
        }

        return terms;
    }

    /// <summary>
    /// Joins the pair of clusters (among those whose root is <paramref name="eligible"/>) with the highest average
    /// similarity while it reaches <paramref name="threshold"/> and their union keeps the hard constraints. Pairs
    /// never scored count as zero. A priority queue with lazy invalidation keeps it near E log E for E scored pairs.
    /// </summary>
    private static void SparseMerge(Group[] clusters, int[] owner, Dictionary<int, double>[] neighbours, Func<int, bool> eligible, double threshold, StoryGrouperOptions options)
    {
        var version = new int[clusters.Length];
        var queue = new PriorityQueue<(int A, int B, int VA, int VB), (double, int, int)>();
        void Push(int a, int b)
        {
            var (x, y) = a < b ? (a, b) : (b, a);
            var average = clusters[x].Links.GetValueOrDefault(y) / (clusters[x].Members.Count * (double)clusters[y].Members.Count);
            if (average >= threshold)
            {
                // Highest average first; ties by the smaller roots, so the result does not depend on the queue's internals.
                queue.Enqueue((x, y, version[x], version[y]), (-average, x, y));
            }
        }

        var roots = Enumerable.Range(0, clusters.Length).Where(i => clusters[i].Alive && eligible(i)).ToHashSet();
        foreach (var i in roots)
        {
            foreach (var (k, similarity) in neighbours[i])
            {
                var c = owner[k];
                if (roots.Contains(c) && c != i)
                {
                    clusters[i].Links[c] = clusters[i].Links.GetValueOrDefault(c) + similarity;
                }
            }
        }

        foreach (var i in roots)
        {
            foreach (var c in clusters[i].Links.Keys.Where(c => c > i && roots.Contains(c)))
            {
                Push(i, c);
            }
        }

        while (queue.TryDequeue(out var top, out _))
        {
            var (a, b) = (top.A, top.B);
            if (!clusters[a].Alive || !clusters[b].Alive || version[a] != top.VA || version[b] != top.VB || !clusters[a].Compatible(clusters[b], options))
            {
                continue;
            }

            Join(clusters, owner, a, b);
            version[a]++;
            roots.Remove(b);
            foreach (var c in clusters[a].Links.Keys.Where(roots.Contains).ToList())
            {
                Push(a, c);
            }
        }

        foreach (var c in clusters)
        {
            c.Links.Clear();
        }
    }

    private static void Join(Group[] clusters, int[] owner, int a, int b)
    {
        var (into, from) = (clusters[a], clusters[b]);
        into.Absorb(from);
        foreach (var m in from.Members)
        {
            owner[m] = a;
        }

        // Link sums of the merged cluster: each neighbour's sum with a plus its sum with b.
        foreach (var (k, v) in from.Links)
        {
            if (k == a)
            {
                continue;
            }

            into.Links[k] = into.Links.GetValueOrDefault(k) + v;
            clusters[k].Links.Remove(b);
            clusters[k].Links[a] = clusters[k].Links.GetValueOrDefault(a) + v;
        }

        into.Links.Remove(b);
        from.Links.Clear();
        from.Alive = false;
    }

    /// <summary>One cluster under construction: its members and what the hard constraints need to know of them.</summary>
    private sealed class Group(int root, ArticleFeatures first)
    {
        public int Root { get; } = root;

        public bool Alive { get; set; } = true;

        public List<int> Members { get; } = [root];

        /// <summary>Sums of similarities to neighbouring clusters (during one merge pass).</summary>
        public Dictionary<int, double> Links { get; } = [];

        public List<EventWindow> Windows { get; } = first.Window is { } w ? [w] : [];

        public List<ImmutableArray<string>> Ordinals { get; } = first.Ordinals.IsDefaultOrEmpty ? [] : [first.Ordinals];

        public bool Dated => Windows.Count > 0;

        public void Absorb(Group other)
        {
            Members.AddRange(other.Members);
            Windows.AddRange(other.Windows);
            Ordinals.AddRange(other.Ordinals);
        }

        /// <summary>Whether every pair across the two clusters keeps the hard constraints: event windows close enough, no different ordinals.</summary>
        public bool Compatible(Group other, StoryGrouperOptions options) =>
            Windows.All(a => other.Windows.All(b => a.DistanceTo(b) <= options.MaxDayGap))
            && Ordinals.All(a => other.Ordinals.All(b => !EventFacts.Conflict(a, b)));

        /// <summary>Whether one more report keeps the hard constraints with every member.</summary>
        public bool Admits(ArticleFeatures report, StoryGrouperOptions options) =>
            (report.Window is not { } w || Windows.All(a => a.DistanceTo(w) <= options.MaxDayGap))
            && (report.Ordinals.IsDefaultOrEmpty || Ordinals.All(a => !EventFacts.Conflict(a, report.Ordinals)));
    }

    /// <summary>A copy group's features: its first report's, with the first event window any of its copies gives.</summary>
    private static ArticleFeatures NodeFeatures(List<(AnnotatedArticle Article, ArticleFeatures Features)> ordered, int[] copyOf, int node)
    {
        var features = ordered[node].Features;
        if (features.Window is null)
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                if (copyOf[i] == node && ordered[i].Features.Window is { } w)
                {
                    return features with { Window = w };
                }
            }
        }

        return features;
    }

    /// <summary>In how many of the reports each term occurs.</summary>
    private static Dictionary<int, int> DocumentFrequencies(ArticleFeatures[] features)
    {
        var df = new Dictionary<int, int>();
        foreach (var f in features)
        {
            foreach (var (term, _) in f.TermCounts)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(df, term, out _)++;
            }
        }

        return df;
    }

    /// <summary>Unit TF-IDF vectors with document frequencies counted over this set: what the set's reports share is weighed down, what tells them apart up.</summary>
    private static (int Term, double Weight)[][] Weigh(ArticleFeatures[] features, Dictionary<int, int> df, int n, double prior)
    {
        var vectors = new (int Term, double Weight)[features.Length][];
        for (var i = 0; i < features.Length; i++)
        {
            var counts = features[i].TermCounts;
            var vector = new (int Term, double Weight)[counts.Length];
            var norm = 0.0;
            for (var k = 0; k < counts.Length; k++)
            {
                var (term, count) = counts[k];
                var w = (1.0 + Math.Log(count)) * (prior > 0 ? Math.Log(1.0 + ((n + prior) / (double)df[term])) : Math.Log(n / (double)df[term]));
                vector[k] = (term, w);
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            for (var k = 0; k < vector.Length && norm > 0; k++)
            {
                vector[k].Weight /= norm;
            }

            vectors[i] = vector;
        }

        return vectors;
    }

    /// <summary>The pairwise similarity of two reports, and whether they may share a story at all.</summary>
    private static (double Similarity, bool Allowed) Similarity(ArticleFeatures a, ArticleFeatures b, (int Term, double Weight)[] va, (int Term, double Weight)[] vb, StoryGrouperOptions options)
    {
        var factor = 1.0;
        if (a.Window is { } wa && b.Window is { } wb)
        {
            var gap = wa.DistanceTo(wb);
            if (gap > options.MaxDayGap)
            {
                return (0, false);
            }

            factor = Math.Exp(-gap / options.DateDecayDays);
        }

        if (EventFacts.Conflict(a.Ordinals, b.Ordinals))
        {
            return (0, false);
        }

        // Two places named in the reports' texts as where the event happened disagree. A dateline's city says where a
        // report was filed (the capital, a bureau, the nearest city), not where its event happened: it sets no
        // two reports apart.
        if (a.Location is { } la && b.Location is { } lb && la != lb && !a.LocationFromDateline && !b.LocationFromDateline)
        {
            factor *= options.LocationMismatchFactor;
        }

        var content = Dot(va, vb);
        var entities = 0.0;
        if (a.Entities.Length > 0 && b.Entities.Length > 0)
        {
            var shared = SharedCount(a.Entities, b.Entities);
            entities = shared / (double)Math.Min(a.Entities.Length, b.Entities.Length);
            if (shared == 0 && a.Entities.Length >= 3 && b.Entities.Length >= 3)
            {
                factor *= options.EntityMismatchFactor;
            }
        }

        var events = SharedCount(a.EventKeys, b.EventKeys) > 0 ? 1.0 : 0.0;
        return (((options.ContentWeight * content) + (options.EntityWeight * entities) + (options.EventWeight * events)) * factor, true);
    }

    private static double Cosine((int Term, double Weight)[] unit, Dictionary<int, double> centroid)
    {
        double dot = 0, norm = 0;
        foreach (var (_, w) in centroid)
        {
            norm += w * w;
        }

        foreach (var (term, w) in unit)
        {
            if (centroid.TryGetValue(term, out var c))
            {
                dot += w * c;
            }
        }

        return norm == 0 ? 0 : dot / Math.Sqrt(norm);
    }

    /// <summary>The dot product of two sparse vectors, each sorted by term.</summary>
    internal static double Dot((int Term, double Weight)[] a, (int Term, double Weight)[] b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].Term == b[j].Term)
            {
                dot += a[i++].Weight * b[j++].Weight;
            }
            else if (a[i].Term < b[j].Term)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    /// <summary>Cosine of log term frequencies, without weights: the loose test for candidates, a function of the two reports alone.</summary>
    private static double TermCosine(ArticleFeatures a, ArticleFeatures b)
    {
        ReadOnlySpan<(int Term, int Count)> ta = a.TermCounts.AsSpan(), tb = b.TermCounts.AsSpan();
        ReadOnlySpan<double> wa = a.TermWeights.AsSpan(), wb = b.TermWeights.AsSpan();
        double dot = 0;
        int i = 0, j = 0;

        // A merge without branches on the terms: which side moves is data, not a jump the processor must guess, and
        // most pairs tested share few terms. Adding 0.0 where the terms differ leaves every partial sum as it was.
        while (i < ta.Length && j < tb.Length)
        {
            int x = ta[i].Term, y = tb[j].Term;
            var product = wa[i] * wb[j];
            dot += x == y ? product : 0.0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }

        var (na, nb) = (a.TermNormSquared, b.TermNormSquared);
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    // How many one-word names (of four letters or more) of either report are a word of a longer name of the other:
    // "kinoni" alone against "vekibe kinoni". Two full names that share a surname ("rizo potute", "kite potute")
    // are two people. Both lists come sorted and distinct with the features, so this is two merges, not a set per pair.
    private static int SharedNameWords(in LinkKey keyA, ArticleFeatures a, in LinkKey keyB, ArticleFeatures b)
    {
        if (keyA.EntityCount == 0 || keyB.EntityCount == 0)
        {
            return 0;
        }

        return ((keyA.SingleNameMask & keyB.NameWordMask) == 0 ? 0 : SharedCount(a.SingleNames, b.NameWords))
            + ((keyB.SingleNameMask & keyA.NameWordMask) == 0 ? 0 : SharedCount(b.SingleNames, a.NameWords));
    }

    // Both arrays are sorted (ordinal), as ArticleFeatures makes them.
    private static int SharedCount(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.IsDefaultOrEmpty || b.IsDefaultOrEmpty)
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0)
            {
                shared++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>
    /// A story's cluster: its reports in canonical order, grouped by independent source. A copy counts as the
    /// source whose text it carries (unless its own outlet already speaks in the story); otherwise its credit's
    /// origin or its outlet, else itself.
    /// </summary>
    private static StoryCluster ToCluster(List<(AnnotatedArticle Article, ArticleFeatures Features)> ordered, int[] copyOf, List<int> indices)
    {
        var sourceOf = new Dictionary<int, string>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var i in indices)
        {
            var f = ordered[i].Features;
            string key;
            if (copyOf[i] != i && sourceOf.TryGetValue(copyOf[i], out var original))
            {
                key = f.SourceKey is { } own && labels.ContainsKey(own) ? own : original;
            }
            else if (f.SourceKey is { } sk)
            {
                key = sk;
                labels.TryAdd(key, f.SourceLabel ?? key);
            }
            else
            {
                key = "article:" + f.ArticleId;
                labels.TryAdd(key, f.ArticleId);
            }

            sourceOf[i] = key;
            if (!order.Contains(key))
            {
                order.Add(key);
            }
        }

        var groups = order.Select(key => new SourceGroup(labels[key], [.. indices.Where(i => sourceOf[i] == key).Select(i => ordered[i].Article.Article.Id)]));
        return new StoryCluster("", [.. indices.Select(i => ordered[i].Article)], [.. groups]);
    }
}
