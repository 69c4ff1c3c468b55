using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>Settings of <see cref="StoryGrouper"/>. The defaults are tuned on the development set of look-alike events (<c>../shared/eval/coverage</c>), the seeds and the demo corpus.</summary>
public sealed record StoryGrouperOptions
{
    /// <summary>The least average similarity between two groups of reports for them to be one story.</summary>
    public double JoinThreshold { get; init; } = 0.15;

    /// <summary>The same for a group none of whose reports is dated: an undated report joins only on strong evidence.</summary>
    public double UndatedJoinThreshold { get; init; } = 0.45;

    /// <summary>The least distinctive-word similarity with which an undated report joins a dated story.</summary>
    public double UndatedPlacement { get; init; } = 0.04;

    /// <summary>How many times more an undated report must resemble its best dated story than the next best to join it.</summary>
    public double UndatedMargin { get; init; } = 1.15;

    /// <summary>Weight of TF-IDF cosine similarity over title and body.</summary>
    public double ContentWeight { get; init; } = 0.65;

    /// <summary>Weight of shared entities.</summary>
    public double EntityWeight { get; init; } = 0.25;

    /// <summary>Weight of shared coded events.</summary>
    public double EventWeight { get; init; } = 0.10;

    /// <summary>Days over which the date score falls by e (exp(-gap/decay)).</summary>
    public double DateDecayDays { get; init; } = 4.0;

    /// <summary>Two reports whose event windows lie more than this many days apart are never one story.</summary>
    public int MaxDayGap { get; init; } = 4;

    /// <summary>Factor applied when two reports' event locations differ.</summary>
    public double LocationMismatchFactor { get; init; } = 0.6;

    /// <summary>Factor applied when two reports each name three or more entities and share none: another event.</summary>
    public double EntityMismatchFactor { get; init; } = 0.5;

    /// <summary>
    /// Reports held open before any group closes. Within it, stories are exactly the same in any input order (every
    /// group is clustered whole); beyond it, stale groups close as the stream's dates move on, which bounds memory.
    /// </summary>
    public int OpenReports { get; init; } = 3_000;

    /// <summary>
    /// A candidate group this large is clustered piece by piece, each piece the reports its strong links join
    /// (<see cref="LinkStrength"/>): in a dense stream weak links (one name in common among many) chain the reports of
    /// thousands of events into one group, and clustering it whole cost the square of its size and merged events
    /// that share a word. Smaller groups are clustered whole, weak links included.
    /// </summary>
    public int SplitSize { get; init; } = 1_000;

    /// <summary>
    /// Two dated reports sharing fewer than this share of all the names they give (twice the shared names over the
    /// names of both) are linked only weakly unless their words agree at <see cref="NamelessLinkCosine"/>.
    /// </summary>
    public double StrongNameShare { get; init; } = 0.4;

    /// <summary>An open group this large hands on the stories the stream has left behind (once per stream day) instead of waiting to go stale whole.</summary>
    public int ShedSize { get; init; } = 500;

    /// <summary>A group of reports closes when the stream's dates have moved this many days past it (plus the lateness seen so far).</summary>
    public int CloseAfterDays { get; init; } = 7;

    /// <summary>
    /// A group that a report joined within this many arrivals stays open however far the stream's dates have moved
    /// past it: its event is still being reported (an archive in no order of days delivers one event's copies
    /// together, and closing by dates alone split them between two stories).
    /// </summary>
    public int ActiveArticles { get; init; } = 256;

    /// <summary>For undated reports: a group closes when this many reports have arrived since one joined it.</summary>
    public int CloseAfterArticles { get; init; } = 200_000;

    /// <summary>Estimated shingle Jaccard above which two texts are copies of one another.</summary>
    public double CopyJaccard { get; init; } = 0.5;

    /// <summary>Two copies of one text whose event windows lie further apart than this are two events in one template, not syndication.</summary>
    public int CopyMaxDays { get; init; } = 30;

    /// <summary>Strongest terms per article used as blocking keys.</summary>
    public int BlockingTerms { get; init; } = 10;

    /// <summary>Blocking keys shared by more open reports than this are not discriminating and are not scanned.</summary>
    public int MaxPostings { get; init; } = 400;

    /// <summary>Term-frequency cosine at which two dated reports are candidates for one story (a loose first cut, refined by clustering).</summary>
    public double LinkCosine { get; init; } = 0.12;

    /// <summary>Names two reports must share, besides words, to be candidates for one story (an undated report also links on three shared names alone).</summary>
    public int LinkNames { get; init; } = 1;

    /// <summary>The same for a pair of which one is undated.</summary>
    public double UndatedLinkCosine { get; init; } = 0.30;

    /// <summary>Least cosine of word counts for two dated reports of close days that share no name to be clustered together.</summary>
    public double NamelessLinkCosine { get; init; } = 0.65;
}

/// <summary>
/// The default grouper: copies and syndication collapsed to one source, then reports gathered into one
/// story per real-world event by their event days, places, ordinals, entities, content and coded events.
/// Decisions are pairwise and clustering runs over a closed set of candidates, so the stories do not depend
/// on the order reports arrive in (docs/stories.md).
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
    public object? PrepareCopy(object? prepared, AnnotatedArticle copy) =>
        prepared is ArticleFeatures features ? ArticleFeatures.OfCopy(features, copy) : Prepare(copy);

    /// <inheritdoc />
    public IStoryGroupingSession Start() => new StoryGroupingSession(Options);
}

/// <summary>
/// One grouping session. Arriving reports are linked to the open reports they could share a story with
/// (a loose, pairwise test: copies, or compatible event days with shared terms or names); linked reports
/// form candidate groups. A group is clustered into stories only when it closes: when the stream's dates
/// have moved past it by <see cref="StoryGrouperOptions.CloseAfterDays"/> plus the greatest lateness seen,
/// or at the end. Since links are pairwise and clustering is a pure function of the group's reports, the
/// stories do not depend on arrival order; a stream in time order closes groups as it goes (memory bounded
/// by the open groups), an unordered archive is held until its lateness allows.
/// </summary>
public sealed class StoryGroupingSession : IStoryGroupingSession
{
    private readonly StoryGrouperOptions options;
    private readonly List<OpenReport?> reports = [];
    private readonly List<int> parent = [];
    private readonly List<int> piece = [];
    private readonly List<SlotScan> scans = [];
    private readonly Dictionary<int, CandidateGroup> groups = [];
    private readonly Dictionary<int, List<int>> termPostings = [];
    private readonly Dictionary<string, List<int>> entityPostings = new(StringComparer.Ordinal);
    private readonly List<LinkKey> linkKeys = [];
    private readonly List<ArticleFeatures?> featuresAt = [];
    private readonly List<int> found = [];
    private readonly Dictionary<ulong, List<int>> exactIndex = [];
    private readonly Dictionary<ulong, List<int>> bandIndex = [];
    private readonly List<StoryCluster> closed = [];
    private long sequence;
    private int openReports;
    private int nextStory;
    private DateOnly? watermark;
    private int lateness;

    /// <summary>Starts an empty session.</summary>
    public StoryGroupingSession(StoryGrouperOptions options) => this.options = options;

    /// <summary>How many candidate groups are open.</summary>
    public int ActiveCount => groups.Count;

    /// <summary>The explicit, serialisable state of each open candidate group, in order of its first report.</summary>
    public IReadOnlyList<StoryState> ActiveStates =>
        [.. groups.Values.OrderBy(g => g.FirstSequence).Select(g => g.State(reports))];

    /// <inheritdoc />
    /// <remarks>Open groups are clustered on the fly (without closing them), so this is the whole picture at any moment.</remarks>
    public IReadOnlyList<StoryCluster> Stories
    {
        get
        {
            // Clustering is a pure function of each group: the groups still open are clustered on every core.
            // A group no report has joined since it was last clustered keeps its clusters: `ingest` reads the stories
            // after every batch, and with thousands of stories open most groups have not changed.
            var open = groups.Values.OrderBy(g => g.FirstSequence).ToList().AsParallel().AsOrdered()
                .SelectMany(g => g.Clustered ??= ClusterGroup(g)).ToList();
            var next = nextStory;
            return [.. closed, .. open.Select(c => c with { Id = StoryId(++next) })];
        }
    }

    /// <summary>Returns the stories closed since the last call and forgets them: memory stays bounded by the open groups.</summary>
    public IReadOnlyList<StoryCluster> DrainClosed()
    {
        var drained = closed.ToList();
        closed.Clear();
        return drained;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoryCluster> TakeClosed() => closed.Count == 0 ? [] : DrainClosed();

    /// <summary>Closes every open group (end of stream).</summary>
    public void CloseAll()
    {
        foreach (var group in groups.Values.OrderBy(g => g.FirstSequence).ToList())
        {
            Close(group);
        }
    }

    /// <inheritdoc />
    public string Add(AnnotatedArticle article) => Add(article, ArticleFeatures.Of(article));

    /// <inheritdoc />
    public string Add(AnnotatedArticle article, object? prepared) => Add(article, prepared as ArticleFeatures ?? ArticleFeatures.Of(article));

    /// <summary>
    /// Adds an article whose features were computed beforehand (for example in parallel). Returns the id of the
    /// candidate group it joined; its story is decided when the group closes (<see cref="TakeClosed"/>, <see cref="Stories"/>).
    /// </summary>
    public string Add(AnnotatedArticle article, ArticleFeatures features)
    {
        sequence++;
        var slot = reports.Count;
        var report = new OpenReport(article, features, sequence, EventClustering.StrongTerms(features, options.BlockingTerms), Fingerprints.BandKeys(features.Signature.AsSpan()));
        reports.Add(report);
        scans.Add(new SlotScan { Window = new WindowKey(features.Window) });
        linkKeys.Add(features.Key);
        featuresAt.Add(features);
        openReports++;
        parent.Add(slot);
        piece.Add(slot);
        groups[slot] = new CandidateGroup(slot, sequence, features.Window is { Yearless: false } w ? w.Last : null);
        var advanced = AdvanceClock(features.Window);

        var keys = CollectionsMarshal.AsSpan(linkKeys);
        foreach (var other in Candidates(report, scans[slot].Window))
        {
            // The pair is tested when it would join two groups, or two pieces of one group (see SplitSize). In a group
            // of thousands most candidates lie in other pieces; only those sharing two keys or more with the report
            // (a copy's hash, two names or strong terms: what reports of one event share) are tested for a strong link.
            var apart = Find(other) != Find(slot);
            if (!apart && (scans[other].KeysShared < 2 || FindPiece(other) == FindPiece(slot)))
            {
                continue;
            }

            var link = EventClustering.Link(scans[other].Window.Window, keys[other], featuresAt[other]!, features.Window, keys[slot], features, options);
            if (link != LinkStrength.None && apart)
            {
                Union(other, slot);
            }

            if (link == LinkStrength.Strong)
            {
                UnionPiece(other, slot);
            }
        }

        Index(slot, report);
        var root = Find(slot);
        MaybeClose(advanced);
        return "g" + root.ToString(CultureInfo.InvariantCulture);
    }

    // The open reports sharing a key with this one, each once, in key order, less those whose event days lie too far
    // from this one's for the link test to pass (neither copies nor one event: see WindowKey). "Seen" is a stamp per
    // slot rather than a set per call, and the list is reused: this runs once per report on the grouping thread, the
    // one serial part of a run, and on an archive in no order of days most reports sharing a key are far off in time.
    private List<int> Candidates(OpenReport report, WindowKey window)
    {
        var stamp = sequence;
        var reach = Math.Max(options.CopyMaxDays, options.MaxDayGap);
        found.Clear();
        void Take(List<int> slots)
        {
            var all = CollectionsMarshal.AsSpan(scans);
            foreach (var s in slots)
            {
                ref var scan = ref all[s];
                if (scan.SeenAt != stamp)
                {
                    scan.SeenAt = stamp;
                    scan.KeysShared = 1;
                    if (!window.Beyond(scan.Window, reach))
                    {
                        found.Add(s);
                    }
                }
                else
                {
                    scan.KeysShared++;
                }
            }
        }

        if (exactIndex.TryGetValue(report.Features.ExactHash, out var same))
        {
            Take(same);
            Take(same);
        }

        foreach (var key in report.BandKeys)
        {
            if (bandIndex.TryGetValue(key, out var band))
            {
                Take(band);
            }
        }

        // Strong terms, then names: the order of the keys when they were one list of strings.
        foreach (var term in report.StrongTerms)
        {
            if (termPostings.TryGetValue(term, out var ids) && ids.Count <= options.MaxPostings)
            {
                Take(ids);
            }
        }

        foreach (var entity in report.Features.Entities)
        {
            if (entityPostings.TryGetValue(entity, out var ids) && ids.Count <= options.MaxPostings)
            {
                Take(ids);
            }
        }

        return found;
    }

    private void Index(int slot, OpenReport report)
    {
        Append(exactIndex, report.Features.ExactHash, slot);
        foreach (var key in report.BandKeys)
        {
            Append(bandIndex, key, slot);
        }

        foreach (var term in report.StrongTerms)
        {
            Append(termPostings, term, slot);
        }

        foreach (var entity in report.Features.Entities)
        {
            Append(entityPostings, entity, slot);
        }
    }

    private void Unindex(int slot, OpenReport report)
    {
        Remove(exactIndex, report.Features.ExactHash, slot);
        foreach (var key in report.BandKeys)
        {
            Remove(bandIndex, key, slot);
        }

        foreach (var term in report.StrongTerms)
        {
            Remove(termPostings, term, slot);
        }

        foreach (var entity in report.Features.Entities)
        {
            Remove(entityPostings, entity, slot);
        }
    }

    private static void Append<TKey>(Dictionary<TKey, List<int>> index, TKey key, int slot)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(slot);
    }

    private static void Remove<TKey>(Dictionary<TKey, List<int>> index, TKey key, int slot)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var list))
        {
            list.Remove(slot);
            if (list.Count == 0)
            {
                index.Remove(key);
            }
        }
    }

    private bool AdvanceClock(EventWindow? window)
    {
        if (window is not { Yearless: false } w)
        {
            return false;
        }

        if (watermark is not { } now || w.Last > now)
        {
            watermark = w.Last;
            return true;
        }
        else
        {
            // How far behind the newest day reports arrive: groups stay open that much longer, so a stream that is
            // not in time order is grouped as if it were (held whole when it is in no order at all).
            lateness = Math.Max(lateness, now.DayNumber - w.Last.DayNumber);
            return false;
        }
    }

    private void MaybeClose(bool advanced)
    {
        // Checking every group on every report would cost the number of open groups per report: only when the
        // stream's newest day moves on, and now and then for undated streams.
        if ((!advanced && sequence % 64 != 0) || openReports <= options.OpenReports)
        {
            return;
        }

        // Over the budget, a stream in no order (lateness as long as the stream) would hold everything: groups then
        // close by the stream's dates alone, as a live feed's would.
        var allowance = lateness > options.CloseAfterDays * 4 ? 0 : lateness;
        var stale = groups.Values.Where(g =>
            ((watermark is { } now && g.LastDay is { } last && now.DayNumber - last.DayNumber > options.CloseAfterDays + allowance) && sequence - g.LastSequence > options.ActiveArticles)
            || sequence - g.LastSequence > options.CloseAfterArticles).OrderBy(g => g.FirstSequence).ToList();
        foreach (var group in stale)
        {
            Close(group);
        }

        // A group that keeps growing (names every day's news shares chain it on) never goes stale as a whole: its
        // stories that the stream has left behind are handed on, the rest stays open.
        if (watermark is { } today)
        {
            var horizon = today.AddDays(-(options.CloseAfterDays + allowance));
            foreach (var group in groups.Values.Where(g => g.Slots.Count >= options.ShedSize && g.ShedAt != today).OrderBy(g => g.FirstSequence).ToList())
            {
                group.ShedAt = today;
                if (group.Slots.Count >= options.SplitSize)
                {
                    // A large group's pieces are weighed by the group's word frequencies, counted here, once per stream
                    // day (at a point of the stream, so `analyze` and `ingest` weigh alike); its pieces are clustered anew.
                    group.Background = TermBackground.Of(group.Slots.Select(s => reports[s]!.Features));
                    group.Pieces.Clear();
                    group.Clustered = null;
                }

                Shed(group, horizon);
            }
        }
    }

    private void Shed(CandidateGroup group, DateOnly horizon)
    {
        var slotOf = new Dictionary<AnnotatedArticle, int>(ReferenceEqualityComparer.Instance);
        foreach (var slot in group.Slots)
        {
            slotOf.TryAdd(reports[slot]!.Article, slot);
        }

        var gone = new HashSet<int>();
        foreach (var cluster in group.Clustered ?? ClusterGroup(group))
        {
            var articles = cluster.Articles.Concat(cluster.Announcements).ToList();
            var windows = articles.Select(a => reports[slotOf[a]]!.Features.Window).OfType<EventWindow>().Where(w => !w.Yearless).ToList();
            if (windows.Count == 0 || windows.Max(w => w.Last) >= horizon || articles.Any(a => sequence - reports[slotOf[a]]!.Sequence <= options.ActiveArticles))
            {
                continue;
            }

            closed.Add(cluster with { Id = StoryId(++nextStory) });
            foreach (var article in articles)
            {
                var slot = slotOf[article];
                Unindex(slot, reports[slot]!);
                reports[slot] = null;
                featuresAt[slot] = null;
                openReports--;
                gone.Add(slot);
            }
        }

        group.Slots.RemoveAll(gone.Contains);
        group.Clustered = null;
    }

    private void Close(CandidateGroup group)
    {
        foreach (var cluster in group.Clustered ?? ClusterGroup(group))
        {
            closed.Add(cluster with { Id = StoryId(++nextStory) });
        }

        foreach (var slot in group.Slots)
        {
            Unindex(slot, reports[slot]!);
            reports[slot] = null;
            featuresAt[slot] = null;
            openReports--;
        }

        groups.Remove(group.Root);
    }

    private List<(AnnotatedArticle Article, ArticleFeatures Features)> Members(IEnumerable<int> slots) =>
        [.. slots.Select(s => (reports[s]!.Article, reports[s]!.Features))];

    // A group's stories. A group of SplitSize reports or more is clustered piece by piece (the reports its strong links
    // join), each piece a pure function of its reports, and a piece whose reports have not changed since the group was
    // last clustered keeps its clusters: a dense stream keeps one giant group open, and `ingest` reads the stories after
    // every batch. The stories come in the canonical order one clustering would give them (their first report's).
    private IReadOnlyList<StoryCluster> ClusterGroup(CandidateGroup group)
    {
        if (group.Slots.Count < options.SplitSize)
        {
            group.Pieces.Clear();
            return EventClustering.Cluster(Members(group.Slots), options);
        }

        var pieces = new Dictionary<int, List<int>>();
        foreach (var slot in group.Slots)
        {
            var root = FindPiece(slot);
            (pieces.TryGetValue(root, out var list) ? list : pieces[root] = []).Add(slot);
        }

        var kept = new Dictionary<int, (int[] Slots, IReadOnlyList<StoryCluster> Clusters)>(pieces.Count);
        var stories = new List<(AnnotatedArticle First, ArticleFeatures Features, StoryCluster Cluster)>();
        var featuresOf = new Dictionary<AnnotatedArticle, ArticleFeatures>(ReferenceEqualityComparer.Instance);
        foreach (var (root, list) in pieces)
        {
            list.Sort();
            var slots = list.ToArray();
            var clusters = group.Pieces.TryGetValue(root, out var before) && before.Slots.AsSpan().SequenceEqual(slots)
                ? before.Clusters
                : EventClustering.Cluster(Members(slots), options, group.Background);
            kept[root] = (slots, clusters);
            foreach (var slot in slots)
            {
                featuresOf[reports[slot]!.Article] = reports[slot]!.Features;
            }

            foreach (var cluster in clusters)
            {
                var first = cluster.Articles.IsEmpty ? cluster.Announcements[0] : cluster.Articles[0];
                stories.Add((first, featuresOf[first], cluster));
            }
        }

        group.Pieces = kept;
        stories.Sort((x, y) => EventClustering.CompareCanonically(x.First, x.Features, y.First, y.Features));
        return [.. stories.Select(s => s.Cluster)];
    }

    private static string StoryId(int n) => "s" + n.ToString("D4", CultureInfo.InvariantCulture);

    private int Find(int slot)
    {
        while (parent[slot] != slot)
        {
            parent[slot] = parent[parent[slot]];
            slot = parent[slot];
        }

        return slot;
    }

    private int FindPiece(int slot)
    {
        while (piece[slot] != slot)
        {
            piece[slot] = piece[piece[slot]];
            slot = piece[slot];
        }

        return slot;
    }

    // The smaller root under the larger, so that a piece's root is stable whichever order its reports were linked in.
    private void UnionPiece(int a, int b)
    {
        var (ra, rb) = (FindPiece(a), FindPiece(b));
        if (ra != rb)
        {
            piece[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        var ga = groups[ra];
        var gb = groups[rb];
        var (big, small) = ga.Slots.Count >= gb.Slots.Count ? (ga, gb) : (gb, ga);
        parent[small.Root] = big.Root;
        big.Absorb(small);
        groups.Remove(small.Root);
    }

    private sealed record OpenReport(AnnotatedArticle Article, ArticleFeatures Features, long Sequence, int[] StrongTerms, ulong[] BandKeys);

    /// <summary>What the candidate scan reads and writes for a slot, together, so that a posting costs one place in memory, not three.</summary>
    private struct SlotScan
    {
        /// <summary>The report whose scan last met this slot (its sequence number).</summary>
        public long SeenAt;

        /// <summary>How many of that report's keys this slot shares.</summary>
        public int KeysShared;

        /// <summary>The slot's event window.</summary>
        public WindowKey Window;
    }

    /// <summary>
    /// A report's event window as day numbers, kept in the slot's scan record (<see cref="SlotScan"/>) so that the candidate scan reads it
    /// without reaching into each report's features. Two reports whose windows lie more than the larger of
    /// <see cref="StoryGrouperOptions.CopyMaxDays"/> and <see cref="StoryGrouperOptions.MaxDayGap"/> apart fail
    /// <see cref="EventClustering.Linked"/> whatever else they share (not copies, and too far apart for one event),
    /// so they are not offered to it: the same links, without the test.
    /// </summary>
    private readonly record struct WindowKey(EventWindow? Window)
    {
        public bool Beyond(WindowKey other, int reach) =>
            Window is { } a && other.Window is { } b && a.DistanceTo(b) > reach;
    }

    /// <summary>Reports linked, directly or through others, to one another: the unit that closes and is clustered.</summary>
    private sealed class CandidateGroup(int root, long sequence, DateOnly? lastDay)
    {
        public int Root { get; } = root;

        public List<int> Slots { get; } = [root];

        public long FirstSequence { get; private set; } = sequence;

        public long LastSequence { get; private set; } = sequence;

        public DateOnly? LastDay { get; private set; } = lastDay;

        /// <summary>The stream's day when stale stories were last handed on from this group.</summary>
        public DateOnly? ShedAt { get; set; }

        /// <summary>The group's clusters as last computed for <see cref="StoryGroupingSession.Stories"/>; null once its members change.</summary>
        public IReadOnlyList<StoryCluster>? Clustered { get; set; }

        /// <summary>The group's word frequencies as counted when it last handed on stories, by which its pieces are weighed; null before.</summary>
        public TermBackground? Background { get; set; }

        /// <summary>A large group's pieces as last clustered, by the root of each piece: its reports (sorted) and its clusters.</summary>
        public Dictionary<int, (int[] Slots, IReadOnlyList<StoryCluster> Clusters)> Pieces { get; set; } = [];

        public void Absorb(CandidateGroup other)
        {
            Clustered = null;

            // The other group's pieces keep their clusters only if they were weighed alike (this group keeps its weights).
            foreach (var (root, kept) in ReferenceEquals(Background, other.Background) ? other.Pieces : [])
            {
                Pieces[root] = kept;
            }

            Slots.AddRange(other.Slots);
            FirstSequence = Math.Min(FirstSequence, other.FirstSequence);
            LastSequence = Math.Max(LastSequence, other.LastSequence);
            LastDay = LastDay is { } a && other.LastDay is { } b ? (a > b ? a : b) : LastDay ?? other.LastDay;
        }

        public StoryState State(List<OpenReport?> reports)
        {
            var members = Slots.Select(s => reports[s]!).OrderBy(r => r.Sequence).ToList();
            var windows = members.Select(r => r.Features.Window).OfType<EventWindow>().Where(w => !w.Yearless).ToList();
            return new StoryState
            {
                Id = "g" + Root.ToString(CultureInfo.InvariantCulture),
                ArticleIds = [.. members.Select(r => r.Article.Article.Id)],
                FirstSequence = FirstSequence,
                LastSequence = LastSequence,
                FirstDate = windows.Count == 0 ? null : windows.Min(w => w.First),
                LastDate = windows.Count == 0 ? null : windows.Max(w => w.Last),
                Fingerprints = [.. members.Select(r => new CopyFingerprint(r.Article.Article.Id, r.Features.ExactHash, [.. r.Features.Signature]))],
            };
        }
    }
}
