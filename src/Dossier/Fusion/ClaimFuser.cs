using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>Settings of <see cref="ClaimFuser"/>.</summary>
public sealed record ClaimFuserOptions
{
    /// <summary>The least similarity with which a proposition supports a claim.</summary>
    public double SupportThreshold { get; init; } = 0.38;

    /// <summary>A proposition this similar to an existing claim restates it and starts no claim of its own.</summary>
    public double RestateThreshold { get; init; } = 0.55;

    /// <summary>Two propositions must be this similar before differing values in them count as a conflict.</summary>
    public double ConflictThreshold { get; init; } = 0.5;

    /// <summary>
    /// Reports whose event days lie further apart than this are about different events, even inside one story,
    /// and never support each other's claims (days unknown on either side do not count as apart).
    /// </summary>
    public int MaxEventDayGap { get; init; } = 3;

    /// <summary>A clause all of whose named days lie further than this from its report's event day is background.</summary>
    public int BackgroundDays { get; init; } = 7;
}

/// <summary>
/// The default fuser: propositions cut from every sentence, aligned across the story's articles by weighted
/// overlap of content terms (spelling-folded, stemmed, synonyms mapped), each claim with the evidence of
/// every article that supports it, a status from the independent sources behind it, and conflicts where
/// aligned propositions give different days, numbers, places, names or negation.
/// </summary>
public sealed class ClaimFuser : IClaimFuser
{
    /// <summary>A fuser with the default settings.</summary>
    public ClaimFuser()
        : this(new ClaimFuserOptions())
    {
    }

    /// <summary>A fuser with the given settings.</summary>
    public ClaimFuser(ClaimFuserOptions options) => Options = options;

    /// <summary>The settings.</summary>
    public ClaimFuserOptions Options { get; }

    /// <inheritdoc />
    public Story Fuse(StoryCluster cluster)
    {
        var articles = cluster.Articles;
        var props = new List<Proposition>();
        var memo = new PropositionMemo();
        for (var i = 0; i < articles.Length; i++)
        {
            var day = EventDay(articles[i]);
            foreach (var p in Propositions.Of(articles[i], i, memo))
            {
                props.Add(IsBackground(articles[i], p, day) ? p with { Background = true } : p);
            }
        }

        var sourceOf = SourceKeys(cluster);
        var aligned = Align(props, articles, sourceOf);
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var conflicts = ImmutableArray.CreateBuilder<Conflict>();
        var n = 0;
        var seenConflicts = new HashSet<string>(StringComparer.Ordinal);
        var sentences = new SentenceTexts();
        foreach (var group in aligned)
        {
            var id = "c" + (++n).ToString(CultureInfo.InvariantCulture);
            var members = group.Members.ToArray();

            // One sort with one comparison, then a linear pass: a claim of a wire story has an evidence sentence
            // per copy, thousands of them, and chained LINQ orderings cost more than the alignment.
            Array.Sort(members, MemberOrder.Instance);
            var evidence = ImmutableArray.CreateBuilder<Evidence>(members.Length);
            var sourceSet = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < members.Length; k++)
            {
                var m = members[k];
                sourceSet.Add(sourceOf[m.ArticleId]);
                if (k > 0 && members[k - 1].Article == m.Article && members[k - 1].SentenceIndex == m.SentenceIndex)
                {
                    continue;
                }

                evidence.Add(new Evidence(m.ArticleId, m.SentenceIndex, m.Span, sentences.Of(articles[m.Article].Article.Text, m.Sentence)));
            }

            var sources = sourceSet.Count;
            var conflict = group.Conflict;
            if (conflict is not null && !seenConflicts.Add(ConflictKey(conflict)))
            {
                // The same disagreement reached through another claim is reported once.
                conflict = null;
            }

            var status = conflict is not null ? ClaimStatus.Conflicting : sources >= 2 ? ClaimStatus.Corroborated : ClaimStatus.SingleSource;
            claims.Add(new Claim(id, group.Seed.Text, Topic(group.Seed), status, sources, evidence.DrainToImmutable(), EventOf(group.Units.Select(u => u.First), articles))
            {
                Modality = group.Seed.Kind,
                Negated = group.Seed.Negated,
                Background = group.Seed.Background,
            });
            if (conflict is not null)
            {
                conflicts.Add(conflict);
            }
        }

        return new Story
        {
            Id = cluster.Id,
            Title = StoryFields.Title(cluster, claims),
            ArticleIds = [.. articles.Select(a => a.Article.Id)],
            Sources = cluster.Sources,
            Date = StoryFields.Date(cluster),
            Location = StoryFields.Location(cluster),
            Participants = StoryFields.Participants(cluster),
            Claims = claims.ToImmutable(),
            Conflicts = conflicts.ToImmutable(),
            Coverage = StoryFields.Coverage(cluster, claims),
            Topics = StoryFields.Topics(claims),
        };
    }

    /// <summary>
    /// Groups propositions into claims. A proposition may support several claims when it joins what another report
    /// says in parts. Copies of one clause (the same text in several reports: syndication, wire copy) are one
    /// <see cref="ClaimUnit"/> and are aligned once, so a story carried by thousands of sites costs about what a
    /// story of its distinct texts costs.
    /// </summary>
    internal List<ClaimGroup> Align(List<Proposition> props, ImmutableArray<AnnotatedArticle> articles, Dictionary<string, string> sourceOf)
    {
        // The most detailed report seeds the claims first, so that claims stay as fine-grained as its sentences.
        var order = props.GroupBy(p => p.Article).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).SelectMany(g => g);
        var days = articles.Select(EventDay).ToArray();
        var places = articles.Select(a => new EventPlace(a.EventLocation, a.EventLocationFromDateline)).ToArray();
        var units = Units(order, days, places, Options.MaxEventDayGap);
        var weights = new WeightTable(TermWeights(units));

        // Blocking skips only terms that most propositions share (df above n/1.7); in a tiny story every term counts.
        var minWeight = Math.Log(1.0 + (props.Count / Math.Max(2.0, props.Count / 1.7)));
        var groups = new List<ClaimGroup>();

        // The claims holding each term, by the term's number in the weight table.
        var index = new List<int>?[weights.Count];
        var supports = new List<int>();
        var seen = new CandidateSet();
        foreach (var u in units)
        {
            var p = u.First;
            var best = 0.0;
            supports.Clear();
            foreach (var g in Candidates(weights.Of(u), index, minWeight, seen))
            {
                // Reports of another event in the same story (a neighbouring round of talks, an earlier quake) never
                // support this event's claims: their event days lie too far apart.
                if (DaysApart(days[groups[g].Seed.Article], days[p.Article]) > Options.MaxEventDayGap || DifferentPlaces(places[groups[g].Seed.Article], places[p.Article]))
                {
                    continue;
                }

                // The best match among the claim's other texts, leaving out clauses of the same sentence (0 when
                // there is none); a loop rather than a query, as this runs for every candidate claim of every text.
                var sim = 0.0;
                foreach (var v in groups[g].Units)
                {
                    if (v != u && (v.First.Article != p.Article || v.First.SentenceIndex != p.SentenceIndex))
                    {
                        sim = Math.Max(sim, Similarity(u, v, weights));
                    }
                }

                // A sentence and its negation never corroborate each other: "will not take place" against "will
                // hold" is kept apart, as a disagreement of the claim when close enough to be about the same thing, and
                // makes a claim of its own.
                // Background about another event never supports a claim about this one, nor the reverse.
                if (groups[g].Seed.Background != p.Background)
                {
                    continue;
                }

                if (groups[g].Seed.Negated != p.Negated)
                {
                    if (sim >= Options.ConflictThreshold)
                    {
                        groups[g].Opposed.Add(u);
                    }

                    continue;
                }

                if (sim >= Options.SupportThreshold)
                {
                    supports.Add(g);
                }

                best = Math.Max(best, sim);
            }

            foreach (var g in supports)
            {
                groups[g].Units.Add(u);
            }

            if (best < Options.RestateThreshold)
            {
                groups.Add(new ClaimGroup(p, [u]));
                var id = groups.Count - 1;
                foreach (var t in weights.Of(u).Ids)
                {
                    (index[t] ??= []).Add(id);
                }
            }
        }

        // Clauses of one sentence that nothing else supports stay one claim: splitting them helps only alignment.
        foreach (var pieces in groups.Where(g => g.Units.All(u => u.Members.Count == 1 && u.First.Article == g.Seed.Article && u.First.SentenceIndex == g.Seed.SentenceIndex))
                     .GroupBy(g => (g.Seed.Article, g.Seed.SentenceIndex)).Where(x => x.Count() > 1).ToList())
        {
            var first = pieces.First();
            var text = articles[first.Seed.Article].Article.Text;
            var whole = Propositions.Whole(text, first.Seed, pieces.SelectMany(p => p.Units).Select(u => u.First));
            first.Seed = whole;
            first.Units.Clear();
            first.Units.Add(new ClaimUnit(whole));
            foreach (var other in pieces.Skip(1))
            {
                groups.Remove(other);
            }
        }

        foreach (var g in groups)
        {
            g.Conflict = FindConflict(g, articles, sourceOf, weights);
        }

        return groups;
    }

    /// <summary>
    /// True when the clause names full days (resolved by the language stage) and every one of them lies more than
    /// <see cref="ClaimFuserOptions.BackgroundDays"/> from the report's event day: "the second round on 2 June"
    /// in a report of the July round.
    /// </summary>
    private bool IsBackground(AnnotatedArticle article, Proposition p, DateOnly? day)
    {
        if (day is not { } d || article.Times.IsDefaultOrEmpty)
        {
            return false;
        }

        var any = false;
        foreach (var t in article.Times)
        {
            if (!p.Span.Contains(t.Span) || t.Value.Length != 10 || !DateOnly.TryParseExact(t.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named))
            {
                continue;
            }

            if (Math.Abs(named.DayNumber - d.DayNumber) <= Options.BackgroundDays)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>The day an article's event happened: the language stage's event date, else the publication day.</summary>
    private static DateOnly? EventDay(AnnotatedArticle a) =>
        a.EventDate ?? (a.Article.Metadata.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null);

    // Two event places, both named in the reports' texts, neither inside the other ("Kuala Lumpur" and "Kuala Lumpur,
    // Malaysia" agree). A dateline's city says where a report was filed (the capital, a bureau, the nearest city),
    // not where its event happened, so it never sets two reports apart: as in grouping (EventClustering.Similarity).
    private static bool DifferentPlaces(EventPlace a, EventPlace b) =>
        !a.FromDateline && !b.FromDateline && a.Place is { Length: > 0 } x && b.Place is { Length: > 0 } y
        && !x.Contains(y, StringComparison.OrdinalIgnoreCase) && !y.Contains(x, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a report says its event happened, and whether only its dateline says so.</summary>
    private readonly record struct EventPlace(string? Place, bool FromDateline);

    private static int DaysApart(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : 0;

    /// <summary>The distinct clause texts in <paramref name="order"/>, each with every proposition that carries it.</summary>
    /// <remarks>Copies are one unit only when their reports may tell of one event: event days no more than
    /// <paramref name="maxDayGap"/> apart (a report without one agrees with any) and places that do not differ. The
    /// same sentence in a report of another event (background carried over from an earlier round) must not ride
    /// along; a copy with a byline's date and the same copy without it are one text.</remarks>
    private static List<ClaimUnit> Units(IEnumerable<Proposition> order, DateOnly?[] days, EventPlace[] places, int maxDayGap)
    {
        var units = new List<ClaimUnit>();
        var byText = new Dictionary<string, List<ClaimUnit>>(StringComparer.Ordinal);
        foreach (var p in order)
        {
            if (!byText.TryGetValue(p.Text, out var same))
            {
                byText[p.Text] = same = [];
            }

            // A loop, not a lambda: this runs once per proposition of the story, and a closure each time is garbage.
            ClaimUnit? unit = null;
            foreach (var u in same)
            {
                if (DaysApart(days[u.First.Article], days[p.Article]) <= maxDayGap && !DifferentPlaces(places[u.First.Article], places[p.Article]))
                {
                    unit = u;
                    break;
                }
            }

            if (unit is not null)
            {
                unit.Members.Add(p);
            }
            else
            {
                unit = new ClaimUnit(p);
                same.Add(unit);
                units.Add(unit);
            }
        }

        return units;
    }

    /// <summary>Weighted overlap of content terms: the geometric mean of Dice and containment, so that a short clause inside a long joined sentence still meets it.</summary>
    private static double Similarity(ClaimUnit a, ClaimUnit b, WeightTable weights)
    {
        var x = weights.Of(a);
        var y = weights.Of(b);
        var (ids, each, wa) = x;
        var (otherIds, _, wb) = y;
        double shared = 0;
        int i = 0, j = 0;
        while (i < ids.Length && j < otherIds.Length)
        {
            var c = ids[i] - otherIds[j];
            if (c == 0)
            {
                shared += each[i];
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

        if (wa == 0 || wb == 0)
        {
            return 0;
        }

        var dice = 2 * shared / (wa + wb);
        var containment = shared / Math.Min(wa, wb);
        return Math.Sqrt(dice * containment);
    }

    /// <summary>A clause's terms as numbers, with their weights and the weights' total.</summary>
    /// <param name="Ids">Each term's number: terms are numbered in ordinal order, so the numbers of a sorted clause are sorted too.</param>
    /// <param name="Each">Each term's weight.</param>
    /// <param name="Total">The weights summed in term order.</param>
    internal sealed record TermVector(int[] Ids, double[] Each, double Total);

    /// <summary>
    /// A story's term weights, with each clause's terms looked up once: alignment compares every clause with many
    /// others, and looking every term up again (and comparing terms as strings) for each comparison was most of the
    /// fuser's time. Totals are summed in term order, as a direct sum would be, so similarities are the same to the
    /// last bit; terms are numbered in ordinal order, so a merge over numbers meets the same terms in the same order.
    /// </summary>
    private sealed class WeightTable
    {
        private readonly Dictionary<string, int> numbers;
        private readonly double[] weightOf;

        public WeightTable(Dictionary<string, double> weights)
        {
            var terms = weights.Keys.ToArray();
            Array.Sort(terms, StringComparer.Ordinal);
            numbers = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
            weightOf = new double[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                numbers[terms[i]] = i;
                weightOf[i] = weights[terms[i]];
            }
        }

        /// <summary>How many distinct terms the story has.</summary>
        public int Count => weightOf.Length;

        /// <summary>The terms of a unit's clause, computed once per unit.</summary>
        public TermVector Of(ClaimUnit unit) => unit.Vector ??= Of(unit.First);

        private TermVector Of(Proposition p)
        {
            var ids = new int[p.Terms.Length];
            var each = new double[ids.Length];
            var total = 0.0;
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = numbers[p.Terms[i]];
                each[i] = weightOf[ids[i]];
                total += each[i];
            }

            return new TermVector(ids, each, total);
        }
    }

    /// <summary>The distinct claims a clause is compared with, in ascending order; reused from clause to clause.</summary>
    private sealed class CandidateSet
    {
        private int[] lastRound = new int[64];
        private int round;

        public List<int> Items { get; } = [];

        public void Start()
        {
            Items.Clear();
            round++;
        }

        public void Add(int g)
        {
            if (g >= lastRound.Length)
            {
                Array.Resize(ref lastRound, Math.Max(g + 1, lastRound.Length * 2));
            }

            if (lastRound[g] != round)
            {
                lastRound[g] = round;
                Items.Add(g);
            }
        }
    }

    private static List<int> Candidates(TermVector p, List<int>?[] index, double minWeight, CandidateSet seen)
    {
        // Blocking: only claims sharing a term of some weight are compared, never all pairs.
        seen.Start();
        for (var i = 0; i < p.Ids.Length; i++)
        {
            if (p.Each[i] >= minWeight - 1e-9 && index[p.Ids[i]] is { } list)
            {
                foreach (var g in list)
                {
                    seen.Add(g);
                }
            }
        }

        seen.Items.Sort();
        return seen.Items;
    }

    private static Dictionary<string, double> TermWeights(List<ClaimUnit> units)
    {
        // Document frequency over every proposition, copies included: a copy counts as the report it is.
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var u in units)
        {
            count += u.Members.Count;
            foreach (var t in u.First.Terms)
            {
                df[t] = df.GetValueOrDefault(t) + u.Members.Count;
            }
        }

        var n = Math.Max(1, count);
        return df.ToDictionary(p => p.Key, p => Math.Log(1.0 + (n / (double)p.Value)), StringComparer.Ordinal);
    }

    private Conflict? FindConflict(ClaimGroup g, ImmutableArray<AnnotatedArticle> articles, Dictionary<string, string> sourceOf, WeightTable weights)
    {
        var units = g.Units.Distinct().ToList();
        var sources = units.Select(u => u.Members.Select(m => sourceOf[m.ArticleId]).Distinct(StringComparer.Ordinal).Take(2).ToList()).ToList();
        if (sources.SelectMany(x => x).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return PolarityConflict(g, units, sourceOf, articles);
        }

        // Values are read only for texts that meet a near-identical one from another source (few do), and for all
        // of them only when a conflict is reported: reading them all up front cost more than the comparisons.
        // Copies of one text are read once: they give the same values.
        var read = new FactValues?[units.Count];
        FactValues ValuesOf(int k) => read[k] ??= FactValues.Of(articles[units[k].First.Article], units[k].First.Span);
        List<(Proposition Member, FactValues Values)> All() => [.. units.SelectMany((u, k) => u.Members.DistinctBy(m => (m.Article, m.Span.Start)).Select(m => (m, ValuesOf(k))))];

        // Only texts that say nearly the same thing can contradict each other; compare them pairwise, each pair
        // once however many copies carry it.
        for (var i = 0; i < units.Count; i++)
        {
            for (var j = i + 1; j < units.Count; j++)
            {
                var p = units[i].First;
                var q = units[j].First;
                var oneSource = sources[i].Count == 1 && sources[j].Count == 1 && sources[i][0] == sources[j][0];
                if (oneSource || Similarity(units[i], units[j], weights) < Options.ConflictThreshold)
                {
                    continue;
                }

                var pv = ValuesOf(i);
                var qv = ValuesOf(j);

                // Values only disagree about the same happening: both clauses must say the same thing happened ("signed", "killed").
                var samePredicate = p.Predicate is not null && p.Predicate == q.Predicate;
                if (samePredicate && pv.Days.Length > 0 && qv.Days.Length > 0 && !pv.Days.Any(a => qv.Days.Any(b => FactValues.SameDay(a, b))))
                {
                    var all = All();
                    return MakeConflict("date", all, FullDays(all.Select(v => v.Values)), articles);
                }

                // A number only one side gives, against a number only the other gives, about the same thing ("23 people" / "31 people").
                var onlyP = pv.Counted.Where(c => !qv.Numbers.Contains(c.Value)).ToList();
                var onlyQ = qv.Counted.Where(c => !pv.Numbers.Contains(c.Value)).ToList();
                var unit = onlyP.Select(c => c.Unit).Intersect(onlyQ.Select(c => c.Unit), StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault();
                if (samePredicate && unit is not null)
                {
                    return MakeConflict("number of " + (pv.UnitWords.GetValueOrDefault(unit) ?? qv.UnitWords.GetValueOrDefault(unit) ?? unit), All(), v => [.. v.Counted.Where(c => c.Unit == unit).Select(c => c.Value)], articles);
                }

                // Places and names: only one each side, different, in near-identical clauses.
                var close = Similarity(units[i], units[j], weights) >= 0.7;
                if (samePredicate && close && pv.Places.Length == 1 && qv.Places.Length == 1 && pv.Places[0] != qv.Places[0])
                {
                    return MakeConflict("place", All(), v => v.Places, articles);
                }

                if (samePredicate && close && pv.People.Length == 1 && qv.People.Length == 1 && pv.People[0] != qv.People[0])
                {
                    return MakeConflict("name", All(), v => v.People, articles);
                }
            }
        }

        return PolarityConflict(g, units, sourceOf, articles);
    }

    /// <summary>
    /// A claim and texts from other sources that say its opposite: an "update" when every report of one side
    /// came out after every report of the other (the later side named), else a "negation" conflict.
    /// </summary>
    private static Conflict? PolarityConflict(ClaimGroup g, List<ClaimUnit> units, Dictionary<string, string> sourceOf, ImmutableArray<AnnotatedArticle> articles)
    {
        if (g.Opposed.Count == 0)
        {
            return null;
        }

        var mine = units.SelectMany(u => u.Members).ToList();
        var theirs = g.Opposed.Distinct().SelectMany(u => u.Members).ToList();
        var mySources = mine.Select(m => sourceOf[m.ArticleId]).ToHashSet(StringComparer.Ordinal);
        theirs = [.. theirs.Where(m => !mySources.Contains(sourceOf[m.ArticleId]))];
        if (theirs.Count == 0)
        {
            return null;
        }

        DateTimeOffset? Published(Proposition m) => articles[m.Article].Article.Metadata.Published;
        var myDays = mine.Select(Published).OfType<DateTimeOffset>().Select(d => d.UtcDateTime.Date).ToList();
        var theirDays = theirs.Select(Published).OfType<DateTimeOffset>().Select(d => d.UtcDateTime.Date).ToList();
        var later = myDays.Count > 0 && theirDays.Count > 0
            ? (theirDays.Min() > myDays.Max() ? 1 : myDays.Min() > theirDays.Max() ? -1 : 0)
            : 0;
        string Label(bool negated, int side) => (negated ? "negated" : "affirmed") + (later == 0 ? "" : side == later ? " (later)" : " (earlier)");
        var sides = new[]
        {
            new ConflictValue(Label(g.Seed.Negated, -1), Evidence(mine, articles)),
            new ConflictValue(Label(!g.Seed.Negated, 1), Evidence(theirs, articles)),
        };
        return new Conflict(later == 0 ? "negation" : "update", [.. sides.OrderBy(v => v.Value, StringComparer.Ordinal)]);
    }

    private static ImmutableArray<Evidence> Evidence(List<Proposition> members, ImmutableArray<AnnotatedArticle> articles) =>
        [.. members.OrderBy(m => m.Article).ThenBy(m => m.SentenceIndex).DistinctBy(m => (m.Article, m.SentenceIndex)).Select(m => ToEvidence(m, articles))];

    // One day in two forms is one value ("--03-12" from "Thursday (March 12)" in an undated report, "2026-03-12" from
    // a dated one): a day without its year takes the year when every full day of the conflict on that month and day
    // agrees on it, so that the two forms stand on one side.
    internal static Func<FactValues, ImmutableArray<string>> FullDays(IEnumerable<FactValues> values)
    {
        var full = values.SelectMany(v => v.Days).Where(d => !d.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return v => [.. v.Days.Select(d => d.StartsWith("--", StringComparison.Ordinal) && full.Where(f => FactValues.SameDay(d, f)).ToList() is [var only] ? only : d)];
    }

    private static Conflict MakeConflict(string about, List<(Proposition Member, FactValues Values)> values, Func<FactValues, ImmutableArray<string>> pick, ImmutableArray<AnnotatedArticle> articles) =>
        new(about, [.. values.Where(v => pick(v.Values).Length > 0)
            .GroupBy(v => string.Join(", ", pick(v.Values).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new ConflictValue(v.Key, [.. v.Select(x => ToEvidence(x.Member, articles)).DistinctBy(e => (e.ArticleId, e.SentenceIndex))]))]);

    // A polarity disagreement is told apart by the sentences on each side, as its values are always the same two words.
    private static string ConflictKey(Conflict c) => c.About + "|" + string.Join("|", c.Values.Select(v => v.Value + (c.About is "negation" or "update" ? ":" + string.Join(",", v.Evidence.Select(e => e.ArticleId + "#" + e.SentenceIndex).Order(StringComparer.Ordinal)) : "")));

    private static Evidence ToEvidence(Proposition p, ImmutableArray<AnnotatedArticle> articles) =>
        new(p.ArticleId, p.SentenceIndex, p.Span, p.Sentence.Of(articles[p.Article].Article.Text));

    private static Dictionary<string, string> SourceKeys(StoryCluster cluster)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in cluster.Sources)
        {
            foreach (var id in group.ArticleIds)
            {
                map[id] = group.Source;
            }
        }

        foreach (var a in cluster.Articles)
        {
            map.TryAdd(a.Article.Id, "article:" + a.Article.Id);
        }

        return map;
    }

    private static string? Topic(Proposition p)
    {
        var topics = Lexicon.Topics;
        Span<int> hits = topics.Count <= 64 ? stackalloc int[64] : new int[topics.Count];
        hits = hits[..topics.Count];
        hits.Clear();
        foreach (var term in p.Terms)
        {
            foreach (var k in TopicsCuedBy(term))
            {
                hits[k]++;
            }
        }

        // The topic most terms cue; on a tie, the first in the list.
        string? best = null;
        var bestHits = 0;
        for (var k = 0; k < topics.Count; k++)
        {
            if (hits[k] > bestHits)
            {
                best = topics[k].Topic;
                bestHits = hits[k];
            }
        }

        return best;
    }

    // Which topics a term cues, by index into Lexicon.Topics. Terms recur in every story, and matching one
    // against every cue prefix of every topic was over a percent of an ingest's time.
    private static readonly BoundedMemo<int[]> TopicsOfTerm = new(1 << 18);

    // The topics' cue words folded as claim terms are, so that a cue written as a plain word meets its term.
    private static readonly Lazy<string[][]> FoldedTopicCues = new(() =>
        [.. Lexicon.Topics.Select(t => t.Cues.SelectMany(TextTerms.Terms).Distinct(StringComparer.Ordinal).ToArray())]);

    private static int[] TopicsCuedBy(string term)
    {
        if (TopicsOfTerm.TryGetValue(term, out var known))
        {
            return known;
        }

        var topics = FoldedTopicCues.Value;

        // A short cue is a whole term ("war", not "warn"); a longer one a stem ("earthquak" for "earthquakes").
        var cued = Enumerable.Range(0, topics.Length).Where(k => topics[k].Any(c => c.Length < 5 ? term == c : term.StartsWith(c, StringComparison.Ordinal))).ToArray();
        TopicsOfTerm.Remember(term, cued);
        return cued;
    }

    // Copies of a sentence are coded alike, so the first carrier of each text stands for all.
    private static ClaimEvent? EventOf(IEnumerable<Proposition> members, ImmutableArray<AnnotatedArticle> articles)
    {
        foreach (var m in members)
        {
            var events = articles[m.Article].Events;
            if (events.IsDefaultOrEmpty)
            {
                continue;
            }

            var e = events.Where(e => e.SentenceIndex == m.SentenceIndex && (e.VerbSpan.IsEmpty || m.Span.Contains(e.VerbSpan.Start)))
                .OrderByDescending(e => e.Confidence).FirstOrDefault();
            if (e is not null)
            {
                return new ClaimEvent(e.Source.Code, e.Code, e.Target.Code, e.Goldstein, e.PloverMode ?? e.Modality.ToString().ToLowerInvariant());
            }
        }

        return null;
    }
}

/// <summary>
/// Sentence texts of one story, each distinct text held once: a wire sentence carried by thousands of copies is
/// evidence thousands of times, and one string for all of them keeps the collector's work down.
/// </summary>
internal sealed class SentenceTexts
{
    private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="span"/> in <paramref name="text"/>, shared with earlier equal texts.</summary>
    public string Of(string text, TextSpan span)
    {
        var chars = text.AsSpan(span.Start, span.Length);
        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var found))
        {
            return found;
        }

        var s = chars.ToString();
        known[s] = s;
        return s;
    }
}

/// <summary>Evidence order: article, sentence, then where the clause starts.</summary>
internal sealed class MemberOrder : IComparer<Proposition>
{
    public static readonly MemberOrder Instance = new();

    public int Compare(Proposition? x, Proposition? y)
    {
        var c = x!.Article.CompareTo(y!.Article);
        if (c == 0)
        {
            c = x.SentenceIndex.CompareTo(y.SentenceIndex);
        }

        return c != 0 ? c : x.Span.Start.CompareTo(y.Span.Start);
    }
}

/// <summary>One clause text and every proposition (copy) that carries it: aligned once for all its copies.</summary>
internal sealed class ClaimUnit(Proposition first)
{
    /// <summary>The first proposition with this text, in alignment order: the one compared.</summary>
    public Proposition First { get; } = first;

    public List<Proposition> Members { get; } = [first];

    /// <summary>The clause's terms as the story's weight table numbers them, once computed.</summary>
    internal ClaimFuser.TermVector? Vector { get; set; }
}

/// <summary>A claim under construction: the proposition that started it and every text supporting it.</summary>
internal sealed class ClaimGroup(Proposition seed, List<ClaimUnit> units)
{
    public Proposition Seed { get; set; } = seed;

    public List<ClaimUnit> Units { get; } = units;

    /// <summary>Texts that say the opposite of the claim (one negated, the other not) and would otherwise support it.</summary>
    public List<ClaimUnit> Opposed { get; } = [];

    /// <summary>Every proposition supporting the claim, copies included.</summary>
    public IEnumerable<Proposition> Members => Units.SelectMany(u => u.Members);

    public Conflict? Conflict { get; set; }
}
