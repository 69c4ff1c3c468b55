using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>What series linking keeps of one story: a few dozen hashed terms and names, not its articles.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Title">The story's title, for naming the series.</param>
/// <param name="Date">The story's event day.</param>
/// <param name="Location">The story's place.</param>
/// <param name="Terms">The story's most frequent content terms (hashed) with their counts, in ascending order of the hash.</param>
/// <param name="Entities">The names its reports mention most, normalised, most mentioned first.</param>
/// <param name="Ordinals">The ordinals its reports give ("round:7"), most given first, one per series noun.</param>
/// <param name="Recurring">Whether its reports present it as one occurrence of a recurring event: an ordinal or a series noun ("round", "summit", "meeting") in a title or opening.</param>
public sealed record SeriesDigest(
    string StoryId,
    string Title,
    DateOnly? Date,
    string? Location,
    ImmutableArray<(int Term, int Count)> Terms,
    ImmutableArray<string> Entities,
    ImmutableArray<string> Ordinals,
    bool Recurring)
{
    /// <summary>Each of <see cref="Entities"/> as its reports write it ("Ishaq Dar" for "ishaq dar"), in the same order; empty when not known.</summary>
    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary>The recurring event's names as its reports write them ("China-Pakistan Strategic Dialogue"), most reports first.</summary>
    public ImmutableArray<string> Names { get; init; } = [];

    /// <summary>The next occurrence its reports announce, not held yet; null when none.</summary>
    public AnnouncedOccurrence? Announced { get; init; }
}

/// <summary>Options of series linking; the defaults are the ones measured in <c>docs/stories.md</c>.</summary>
public sealed record SeriesOptions
{
    /// <summary>How many of a story's terms its digest keeps.</summary>
    public int DigestTerms { get; init; } = 40;

    /// <summary>How many of a story's names its digest keeps.</summary>
    public int DigestEntities { get; init; } = 8;

    /// <summary>How many of a story's names of its recurring event its digest keeps.</summary>
    public int DigestNames { get; init; } = 3;

    /// <summary>Least cosine of two stories' weighted terms for them to be one series.</summary>
    public double MinCosine { get; init; } = 0.22;

    /// <summary>Least number of names two stories share.</summary>
    public int MinSharedEntities { get; init; } = 2;

    /// <summary>Least days between two occurrences: closer stories are one event split, or two events of one day, not a series.</summary>
    public int MinDaysApart { get; init; } = 7;

    /// <summary>Most days between two neighbouring occurrences: a yearly summit is the longest rhythm followed.</summary>
    public int MaxDaysApart { get; init; } = 400;

    /// <summary>A term in more than this share of the stories (and more than <see cref="CommonTermFloor"/>) says nothing about series.</summary>
    public double CommonTermShare { get; init; } = 0.05;

    /// <summary>See <see cref="CommonTermShare"/>.</summary>
    public int CommonTermFloor { get; init; } = 50;
}

/// <summary>
/// Links the stories of one recurring event into a series. Grouping keeps look-alike events apart (their days lie
/// apart, or their ordinals differ); the same likeness, between stories that both present themselves as one
/// occurrence of something recurring, is what makes them a series. Pure: a function of the digests, whatever
/// their order.
/// </summary>
public static class StorySeries
{
    // Characters of each report's text read for terms and series nouns: the opening says what the report is about.
    private const int OpeningChars = 1500;

    // Words that present an event as one occurrence of something recurring: the series nouns and a few more.
    internal static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> RecurringNouns = new(() =>
        System.Collections.Frozen.FrozenSet.ToFrozenSet(EmbeddedData.Lines("stories/series-nouns.txt").Concat(EmbeddedData.Lines("stories/recurring-nouns.txt")), StringComparer.Ordinal));

    /// <summary>The digest of a fused story, from its cluster's reports (announcements left out: they are not the event).</summary>
    /// <summary>
    /// The cluster's articles with how many times each reading occurs: verbatim copies that share the first copy's
    /// text and annotations (<c>VerbatimCopies</c>: the very same string and arrays) count once, times their number.
    /// What a digest takes of an article is a function of its text, title, sentences and mentions, so the counts are
    /// what reading every copy gives, and every tally is ordered by value and key, not by when a key came.
    /// </summary>
    private static List<(AnnotatedArticle Article, int Copies)> DistinctReadings(ImmutableArray<AnnotatedArticle> articles)
    {
        var readings = new List<(AnnotatedArticle Article, int Copies)>(articles.Length);
        var index = new Dictionary<ReadingKey, int>();
        foreach (var annotated in articles)
        {
            var key = new ReadingKey(annotated);
            if (index.TryGetValue(key, out var at))
            {
                readings[at] = (readings[at].Article, readings[at].Copies + 1);
            }
            else
            {
                index[key] = readings.Count;
                readings.Add((annotated, 1));
            }
        }

        return readings;
    }

    /// <summary>An article's reading by identity: the same text string, sentence and mention arrays, and title.</summary>
    private readonly struct ReadingKey(AnnotatedArticle annotated) : IEquatable<ReadingKey>
    {
        private readonly AnnotatedArticle annotated = annotated;

        public bool Equals(ReadingKey other) =>
            ReferenceEquals(annotated.Article.Text, other.annotated.Article.Text)
            && annotated.Sentences.Equals(other.annotated.Sentences)
            && annotated.Mentions.Equals(other.annotated.Mentions)
            && string.Equals(annotated.Article.Metadata.Title, other.annotated.Article.Metadata.Title, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ReadingKey other && Equals(other);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(annotated.Article.Text);
    }

    public static SeriesDigest Digest(Story story, StoryCluster cluster, SeriesOptions? options = null)
    {
        options ??= new SeriesOptions();
        var counts = new Dictionary<int, int>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new Dictionary<(string Key, string Label), int>();
        var eventNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var recurring = false;
        foreach (var (annotated, copies) in DistinctReadings(cluster.Articles))
        {
            var article = annotated.Article;
            var opening = TextTerms.Words(article.Text, 0, Math.Min(article.Text.Length, OpeningChars));
            var title = TextTerms.Words(article.Metadata.Title ?? "");
            recurring |= title.Exists(w => RecurringNouns.Value.Contains(w.Lower)) || opening.Exists(w => RecurringNouns.Value.Contains(w.Lower));
            foreach (var term in TextTerms.ContentTerms(title).Concat(TextTerms.ContentTerms(opening)))
            {
                var key = ArticleFeatures.TermKey(term);
                counts[key] = counts.GetValueOrDefault(key) + copies;
            }

            if (!annotated.Mentions.IsDefaultOrEmpty)
            {
                foreach (var (name, label) in annotated.Mentions.Where(m => m.Type is not (MentionType.Group or MentionType.Document))
                    .Select(m => (Key: ArticleFeatures.Normalise(m.Canonical), m.Canonical)).Where(n => n.Key.Length > 1).DistinctBy(n => n.Key, StringComparer.Ordinal))
                {
                    names[name] = names.GetValueOrDefault(name) + copies;
                    labels[(name, label)] = labels.GetValueOrDefault((name, label)) + copies;
                }
            }

            foreach (var eventName in SeriesNames.Of(annotated, title, opening, RecurringNouns.Value))
            {
                eventNames[eventName] = eventNames.GetValueOrDefault(eventName) + copies;
            }

            foreach (var ordinal in EventFacts.Ordinals(article))
            {
                ordinals[ordinal] = ordinals.GetValueOrDefault(ordinal) + copies;
                recurring = true;
            }
        }

        var entities = names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Take(options.DigestEntities).Select(n => n.Key).ToImmutableArray();
        // One ordinal per series noun: the one most reports give.
        var kept = ordinals.GroupBy(o => SeriesName(o.Key), StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).First().Key)
            .Order(StringComparer.Ordinal).ToImmutableArray();
        return new SeriesDigest(
            story.Id,
            story.Title,
            story.Date,
            story.Location,
            [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(options.DigestTerms).Select(c => (c.Key, c.Value)).OrderBy(c => c.Key)],
            entities,
            kept,
            recurring)
        {
            // The form most reports write; ties to the ordinal first, which puts capitals before small letters.
            Labels = [.. entities.Select(e => labels.Where(l => l.Key.Key == e).OrderByDescending(l => l.Value).ThenBy(l => l.Key.Label, StringComparer.Ordinal).First().Key.Label)],
            Names = [.. eventNames.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Take(options.DigestNames).Select(n => n.Key)],
            Announced = SeriesAnnouncements.Find(story, cluster, kept, RecurringNouns.Value),
        };
    }

    /// <summary>The series among <paramref name="digests"/>: groups of two or more stories, each earliest first; the groups ordered by their first story.</summary>
    public static ImmutableArray<StorySeriesRecord> Link(IReadOnlyList<SeriesDigest> digests, SeriesOptions? options = null)
    {
        options ??= new SeriesOptions();

        // Canonical order, so that the result does not depend on the order stories closed in.
        var ordered = digests.Where(d => d.Recurring && d.Date is not null)
            .OrderBy(d => d.Date).ThenBy(d => d.StoryId, StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0)
        {
            return [];
        }

        var vectors = Weigh(ordered, options);
        var parent = Enumerable.Range(0, ordered.Length).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }

            return i;
        }

        foreach (var (i, j) in CandidatePairs(vectors))
        {
            if (Belong(ordered[i], ordered[j], vectors[i], vectors[j], options))
            {
                var (a, b) = (Find(i), Find(j));
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        // A story alone is a series when its reports announce its next occurrence: one held, one to come.
        return [.. Enumerable.Range(0, ordered.Length)
            .GroupBy(Find)
            .Where(g => g.Count() > 1 || ordered[g.Key].Announced is not null)
            .OrderBy(g => g.Key)
            .Select(g => Record([.. g.Select(i => ordered[i])]))];
    }

    /// <summary>Whether two stories are two occurrences of one recurring event.</summary>
    private static bool Belong(SeriesDigest a, SeriesDigest b, (int Term, double Weight)[] va, (int Term, double Weight)[] vb, SeriesOptions options)
    {
        var days = Math.Abs(a.Date!.Value.DayNumber - b.Date!.Value.DayNumber);
        if (days < options.MinDaysApart || days > options.MaxDaysApart)
        {
            return false;
        }

        // Two stories giving the same ordinal of one series are one occurrence told twice, not two.
        if (a.Ordinals.Intersect(b.Ordinals, StringComparer.Ordinal).Any())
        {
            return false;
        }

        return a.Entities.Intersect(b.Entities, StringComparer.Ordinal).Count() >= options.MinSharedEntities
            && EventClustering.Dot(va, vb) >= options.MinCosine;
    }

    private static StorySeriesRecord Record(SeriesDigest[] members)
    {
        var noun = members.SelectMany(m => m.Ordinals).Select(SeriesName).GroupBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        var name = EventName(members) ?? SharedNames(members, noun);
        var ordered = members.OrderBy(m => m.Date).ThenBy(m => m.StoryId, StringComparer.Ordinal).ToArray();
        var entries = ordered
            .Select(m => new SeriesEntry(m.StoryId, m.Title, m.Date, m.Location, m.Ordinals.Where(o => noun is not null && SeriesName(o) == noun).Select(OrdinalNumber).FirstOrDefault()))
            .ToImmutableArray();

        // Only the latest story's announcement is still to come: an earlier one's was held as a later story. A number
        // some story of the series already carries was held too.
        var next = ordered[^1].Announced;
        if (next?.Ordinal is { } number && entries.Any(e => e.Ordinal >= number))
        {
            next = null;
        }

        return new StorySeriesRecord("series-" + entries[0].StoryId, name.Length > 0 ? name : entries[0].Title, entries) { Next = next };
    }

    /// <summary>
    /// The recurring event's own name, as most of the stories write it ("China-Pakistan Strategic Dialogue"): one that
    /// more than half of them give; the most given, then the longest (the most specific), then the first in ordinal
    /// order, which puts capitals first. Null when none is shared so widely.
    /// </summary>
    private static string? EventName(SeriesDigest[] members)
    {
        var given = members.SelectMany(m => (m.Names.IsDefault ? [] : m.Names).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() * 2 > members.Length)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .FirstOrDefault();
        return given?.GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>
    /// The names every story mentions (or, failing that, most of them), as their reports write them, and the series
    /// noun: what recurs, and how ("China, Pakistan: round").
    /// </summary>
    private static string SharedNames(SeriesDigest[] members, string? noun)
    {
        var shared = members.SelectMany(m => m.Entities).GroupBy(e => e, StringComparer.Ordinal)
            .Where(g => g.Count() * 2 > members.Length)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3).Select(g => Label(members, g.Key)).ToList();
        return string.Join(", ", shared) + (noun is null ? "" : (shared.Count > 0 ? ": " : "") + noun);
    }

    // The written form of a normalised name most stories give; the name itself when no story kept its form.
    private static string Label(SeriesDigest[] members, string entity) =>
        members.Where(m => !m.Labels.IsDefault && m.Labels.Length == m.Entities.Length)
            .Select(m => m.Entities.IndexOf(entity) is var at and >= 0 ? m.Labels[at] : null).OfType<string>()
            .GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? entity;

    // Unit vectors of tf-idf weights over the digests; terms that most stories carry are dropped, as they carry no
    // sign of a series and would make every pair a candidate.
    private static (int Term, double Weight)[][] Weigh(SeriesDigest[] digests, SeriesOptions options)
    {
        var df = new Dictionary<int, int>();
        foreach (var digest in digests)
        {
            foreach (var (term, _) in digest.Terms)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var common = Math.Max(options.CommonTermFloor, (int)(options.CommonTermShare * digests.Length));
        var vectors = new (int Term, double Weight)[digests.Length][];
        for (var i = 0; i < digests.Length; i++)
        {
            var weights = digests[i].Terms
                .Where(t => df[t.Term] <= common)
                .Select(t => (t.Term, Weight: (1 + Math.Log(t.Count)) * Math.Log(1 + digests.Length / (double)df[t.Term])))
                .ToArray();
            var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
            vectors[i] = norm == 0 ? [] : [.. weights.Select(w => (w.Term, w.Weight / norm))];
        }

        return vectors;
    }

    // Pairs that share at least one kept term, each once, in index order.
    private static IEnumerable<(int, int)> CandidatePairs((int Term, double Weight)[][] vectors)
    {
        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < vectors.Length; i++)
        {
            foreach (var (term, _) in vectors[i])
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(i);
            }
        }

        var pairs = new SortedSet<(int, int)>();
        foreach (var list in postings.Values)
        {
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    pairs.Add((list[x], list[y]));
                }
            }
        }

        return pairs;
    }

    private static string SeriesName(string ordinal) => ordinal[..ordinal.LastIndexOf(':')];

    private static int? OrdinalNumber(string ordinal) =>
        int.TryParse(ordinal.AsSpan(ordinal.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
