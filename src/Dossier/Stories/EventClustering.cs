using System.Collections.Immutable;
using Dossier.Model;

namespace Dossier.Stories;

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
    public static bool Linked(ArticleFeatures a, ArticleFeatures b, StoryGrouperOptions options)
    {
        if (IsCopy(a, b, options))
        {
            return true;
        }

        if (a.Window is { } wa && b.Window is { } wb && wa.DistanceTo(wb) > options.MaxDayGap)
        {
            return false;
        }

        if (EventFacts.Conflict(a.Ordinals, b.Ordinals))
        {
            return false;
        }

        var shared = SharedCount(a.Entities, b.Entities);
        var cosine = TermCosine(a.TermCounts, b.TermCounts);
        return a.Window is null || b.Window is null
            ? cosine >= options.UndatedLinkCosine || shared >= 3
            : cosine >= options.LinkCosine || shared >= 2;
    }

    /// <summary>Whether one report is a copy of the other: the same normalised text, or most of the same word shingles.</summary>
    /// <remarks>Copies far apart in time are two events told in one template (an annual statement), not syndication.</remarks>
    public static bool IsCopy(ArticleFeatures a, ArticleFeatures b, StoryGrouperOptions options) =>
        !(a.Window is { } wa && b.Window is { } wb && wa.DistanceTo(wb) > options.CopyMaxDays)
        && (a.ExactHash == b.ExactHash || Fingerprints.EstimatedJaccard([.. a.Signature], [.. b.Signature]) >= options.CopyJaccard);

    /// <summary>The stories of a closed set of candidate reports (ids left empty for the caller to give), in canonical order.</summary>
    public static IReadOnlyList<StoryCluster> Cluster(IReadOnlyList<(AnnotatedArticle Article, ArticleFeatures Features)> members, StoryGrouperOptions options)
    {
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
        var clusters = Agglomerate(ordered, copyOf, nodes, options);
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
    /// among themselves on strong evidence only. Each undated report is placed against the dated clusters alone,
    /// never against another undated one, so no arrival order can change where it goes.
    /// </summary>
    private static List<(List<int> Reports, List<int> Announcements)> Agglomerate(List<(AnnotatedArticle Article, ArticleFeatures Features)> ordered, int[] copyOf, List<int> nodes, StoryGrouperOptions options)
    {
        var n = nodes.Count;
        var features = nodes.Select(i => NodeFeatures(ordered, copyOf, i)).ToArray();
        var vectors = Weigh(features, IdfPrior);
        var distinctive = Weigh(features, 0);
        var sum = new double[n, n];
        var forbidden = new bool[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var (similarity, allowed) = Similarity(features[i], features[j], vectors[i], vectors[j], options);
                sum[i, j] = sum[j, i] = similarity;
                forbidden[i, j] = forbidden[j, i] = !allowed;
                if (Environment.GetEnvironmentVariable("DOSSIER_DEBUG_GROUPING") is { Length: > 0 })
                {
                    Console.Error.WriteLine($"PAIR {ordered[nodes[i]].Article.Article.Path}#{ordered[nodes[i]].Article.Article.Record} {ordered[nodes[j]].Article.Article.Path}#{ordered[nodes[j]].Article.Article.Record} {similarity:F3} {allowed} c={Dot(vectors[i], vectors[j]):F2} w={features[i].Window} {features[j].Window} l={features[i].Location}/{features[j].Location}");
                }
            }
        }

        var dated = features.Select(f => f.Window is not null).ToArray();
        var announces = features.Select(f => f.Announcement).ToArray();
        var members = nodes.Select(i => new List<int> { i }).ToList();
        var size = Enumerable.Repeat(1, n).ToArray();
        var alive = Enumerable.Repeat(true, n).ToArray();
        Merge(sum, forbidden, size, members, alive, i => dated[i] && !announces[i], options.JoinThreshold);

        // The story a report without an event window (or an announcement) belongs to: the cluster whose reports
        // share most of its distinctive words, if it stands out from the next best and their days agree.
        int Place(int u, List<int> clusters)
        {
            int best = -1, bestByRaw = -1;
            double first = 0, second = 0, firstRaw = 0, secondRaw = 0;
            foreach (var c in clusters)
            {
                var ok = true;
                var raw = 0.0;
                var centroid = new Dictionary<int, double>();
                foreach (var m in members[c])
                {
                    var k = nodes.IndexOf(m);
                    ok &= !EventFacts.Conflict(features[u].Ordinals, features[k].Ordinals)
                        && !(features[u].Window is { } wu && features[k].Window is { } wk && wu.DistanceTo(wk) > options.MaxDayGap);
                    raw += Similarity(features[u], features[k], vectors[u], vectors[k], options).Similarity;
                    foreach (var (term, weight) in distinctive[k])
                    {
                        centroid[term] = centroid.GetValueOrDefault(term) + weight;
                    }
                }

                if (!ok)
                {
                    continue;
                }

                var score = Cosine(distinctive[u], centroid);
                raw /= members[c].Count;
                (best, first, second) = score > first ? (c, score, first) : (best, first, Math.Max(second, score));
                (bestByRaw, firstRaw, secondRaw) = raw > firstRaw ? (c, raw, firstRaw) : (bestByRaw, firstRaw, Math.Max(secondRaw, raw));
            }

            if (Environment.GetEnvironmentVariable("DOSSIER_DEBUG_GROUPING") is { Length: > 0 })
            {
                Console.Error.WriteLine($"PLACE {ordered[nodes[u]].Article.Article.Path}#{ordered[nodes[u]].Article.Article.Record} best={(best >= 0 ? ordered[nodes[best]].Article.Article.Path + "#" + ordered[nodes[best]].Article.Article.Record : "-")} first={first:F3} second={second:F3} raw={firstRaw:F3}/{secondRaw:F3} clusters={clusters.Count}");
            }

            // Distinctive words decide among look-alike stories; where there is nothing to tell apart (a set of two
            // reports shares all its words), the plain similarity must be strong on its own.
            if (best >= 0 && first >= options.UndatedPlacement && first >= options.UndatedMargin * second)
            {
                return best;
            }

            return bestByRaw >= 0 && firstRaw >= options.UndatedJoinThreshold && firstRaw >= options.UndatedMargin * secondRaw ? bestByRaw : -1;
        }

        // Undated reports against the dated clusters alone.
        var datedClusters = Enumerable.Range(0, n).Where(i => alive[i] && dated[i] && !announces[i]).ToList();
        var placed = new Dictionary<int, int>();
        for (var u = 0; u < n; u++)
        {
            if (!dated[u] && !announces[u] && Place(u, datedClusters) is var c and >= 0)
            {
                placed[u] = c;
            }
        }

        foreach (var (u, c) in placed.OrderBy(p => p.Key))
        {
            members[c].AddRange(members[u]);
            alive[u] = false;
        }

        Merge(sum, forbidden, size, members, alive, i => alive[i] && !dated[i] && !announces[i] && !placed.ContainsKey(i), options.UndatedJoinThreshold);

        // Announcements against the stories now formed: linked to the one they announce, never counted among its reports.
        var stories = Enumerable.Range(0, n).Where(i => alive[i] && !announces[i]).ToList();
        var announcements = new Dictionary<int, List<int>>();
        for (var u = 0; u < n; u++)
        {
            if (announces[u] && Place(u, stories) is var c and >= 0)
            {
                (announcements.TryGetValue(c, out var list) ? list : announcements[c] = []).Add(nodes[u]);
                alive[u] = false;
            }
        }

        return [.. Enumerable.Range(0, n).Where(i => alive[i])
            .Select(i => (Reports: members[i].Order().ToList(), Announcements: announcements.TryGetValue(i, out var a) ? a : []))
            .OrderBy(m => m.Reports[0])];
    }

    /// <summary>Joins the pair of clusters (among those <paramref name="eligible"/>) with the highest average similarity while it reaches <paramref name="threshold"/> and no pair across them is forbidden.</summary>
    private static void Merge(double[,] sum, bool[,] forbidden, int[] size, List<List<int>> members, bool[] alive, Func<int, bool> eligible, double threshold)
    {
        var n = alive.Length;
        var candidates = Enumerable.Range(0, n).Where(i => alive[i] && eligible(i)).ToList();
        while (true)
        {
            int bi = -1, bj = -1;
            var best = double.NegativeInfinity;
            foreach (var i in candidates)
            {
                foreach (var j in candidates)
                {
                    if (j <= i || forbidden[i, j])
                    {
                        continue;
                    }

                    var average = sum[i, j] / (size[i] * (double)size[j]);
                    if (average >= threshold && average > best)
                    {
                        best = average;
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
            {
                return;
            }

            // Merge bj into bi: sums add up, a forbidden pair forbids the union.
            for (var k = 0; k < n; k++)
            {
                if (k == bi || k == bj)
                {
                    continue;
                }

                sum[bi, k] = sum[k, bi] = sum[bi, k] + sum[bj, k];
                forbidden[bi, k] = forbidden[k, bi] = forbidden[bi, k] || forbidden[bj, k];
            }

            size[bi] += size[bj];
            members[bi].AddRange(members[bj]);
            alive[bj] = false;
            candidates.Remove(bj);
        }
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

    /// <summary>Unit TF-IDF vectors with document frequencies counted over this set: what the set's reports share is weighed down, what tells them apart up.</summary>
    private static (int Term, double Weight)[][] Weigh(ArticleFeatures[] features, double prior)
    {
        var df = new Dictionary<int, int>();
        foreach (var f in features)
        {
            foreach (var (term, _) in f.TermCounts)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var n = features.Length;
        var vectors = new (int Term, double Weight)[n][];
        for (var i = 0; i < n; i++)
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

        if (a.Location is { } la && b.Location is { } lb && la != lb)
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

    private static double Dot((int Term, double Weight)[] a, (int Term, double Weight)[] b)
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
    private static double TermCosine(ImmutableArray<(int Term, int Count)> a, ImmutableArray<(int Term, int Count)> b)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (_, c) in a)
        {
            var w = 1.0 + Math.Log(c);
            na += w * w;
        }

        foreach (var (_, c) in b)
        {
            var w = 1.0 + Math.Log(c);
            nb += w * w;
        }

        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].Term == b[j].Term)
            {
                dot += (1.0 + Math.Log(a[i++].Count)) * (1.0 + Math.Log(b[j++].Count));
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

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
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
