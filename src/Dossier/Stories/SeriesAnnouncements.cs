using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>
/// The next occurrence of a recurring event as a story's reports announce it ("the two sides agreed to hold the next
/// round in Oslo in 2027"). A sentence announces one when it names an occurrence after the story's own — a marker
/// ("next", "another") or a higher ordinal right before a series noun — and says it is planned (a cue: "will be held",
/// "to host", "is scheduled"); the place and the day are what the language stage found in that sentence: a place
/// after "in" or "at" (or the host before "will host"), and a resolved time later than the story's own day. Words
/// live in <c>data/stories/next-occurrence.tsv</c>. Pure: a function of the story's reports, whatever their order.
/// </summary>
internal static class SeriesAnnouncements
{
    private static readonly Lazy<(FrozenSet<string> Markers, string[][] Cues)> Words = new(() =>
    {
        var rows = EmbeddedData.Lines("stories/next-occurrence.tsv").Select(l => l.Split('\t')).Where(p => p.Length == 2).ToList();
        return (rows.Where(r => r[0] == "marker").Select(r => r[1]).ToFrozenSet(StringComparer.Ordinal),
            [.. rows.Where(r => r[0] == "cue").Select(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))]);
    });

    // The cues as written, for a cheap first look (one vectorised pass for all of them) at a whole text and at each
    // sentence before it is split into words.
    private static readonly Lazy<System.Buffers.SearchValues<string>> CueTexts = new(() =>
        System.Buffers.SearchValues.Create([.. Words.Value.Cues.Select(c => string.Join(' ', c))], StringComparison.OrdinalIgnoreCase));

    // How far after a marker or ordinal its noun may stand: "the next high-level economic round", "the 8th China-Pakistan dialogue".
    private const int NounReach = 4;

    /// <summary>What one sentence of one report announces.</summary>
    private readonly record struct Candidate(string? Date, string? Location, int? Ordinal, string ArticleId);

    /// <summary>
    /// The next occurrence <paramref name="cluster"/>'s reports announce, agreed among them: the day, the place and the
    /// ordinal the most reports give (ties: the more precise day, then the first in ordinal order); null when no report
    /// announces one with a day or a place.
    /// </summary>
    public static AnnouncedOccurrence? Find(Story story, StoryCluster cluster, ImmutableArray<string> ordinals, FrozenSet<string> nouns)
    {
        var candidates = new List<Candidate>();
        foreach (var annotated in cluster.Articles)
        {
            candidates.AddRange(Read(annotated, story.Date, ordinals, nouns));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var date = Vote(candidates.Select(c => c.Date));
        var location = Vote(candidates.Select(c => c.Location));
        var ordinal = candidates.Where(c => c.Ordinal is not null).GroupBy(c => c.Ordinal!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        var evidence = candidates.Where(c => (date is not null && c.Date == date) || (location is not null && c.Location == location))
            .Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        return new AnnouncedOccurrence(date, location, ordinal, story.Id, evidence);
    }

    // The value most reports give; ties to the longer (more precise: "2027-03" over "2027"), then ordinal order.
    private static string? Vote(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    private static IEnumerable<Candidate> Read(AnnotatedArticle annotated, DateOnly? day, ImmutableArray<string> ordinals, FrozenSet<string> nouns)
    {
        var text = annotated.Article.Text;
        // Most reports announce nothing: one look for any cue over the whole text spares splitting their sentences into words.
        if (annotated.Sentences.IsDefaultOrEmpty || text.AsSpan().IndexOfAny(CueTexts.Value) < 0)
        {
            yield break;
        }

        foreach (var sentence in annotated.Sentences)
        {
            var span = sentence.Span;
            if (span.End > text.Length || text.AsSpan(span.Start, span.Length).IndexOfAny(CueTexts.Value) < 0)
            {
                continue;
            }

            var words = TextTerms.Words(text, span.Start, span.End);
            var lower = words.Select(w => w.Lower).ToList();
            if (!Words.Value.Cues.Any(cue => TextTerms.ContainsPhrase(lower, cue)) || Occurrence(lower, ordinals, nouns) is not { } occurrence)
            {
                continue;
            }

            var times = annotated.Times.IsDefaultOrEmpty ? [] : annotated.Times.Where(t => t.Span.Start >= span.Start && t.Span.End <= span.End).ToList();
            var date = times.Where(t => After(t.Value, day)).Select(t => Value(t.Value)).FirstOrDefault();
            // A sentence dated only before the story tells of a round already held ("the next round was set for March"), whatever its place.
            if (date is null && times.Any(t => Resolved(t.Value)))
            {
                continue;
            }

            var place = Place(annotated, words, lower, span, words[occurrence.Noun].Start);
            if (date is not null || place is not null)
            {
                yield return new Candidate(date, place, occurrence.Ordinal, annotated.Article.Id);
            }
        }
    }

    /// <summary>
    /// The occurrence a sentence names after the story's own: "next round" (its ordinal one more than the story's in
    /// that noun, when the story gives one) or "the 8th round" when the story is an earlier one; null when none.
    /// </summary>
    private static (int Noun, int? Ordinal)? Occurrence(List<string> lower, ImmutableArray<string> ordinals, FrozenSet<string> nouns)
    {
        for (var i = 0; i < lower.Count; i++)
        {
            var marker = Words.Value.Markers.Contains(lower[i]);
            var number = marker ? null : EventFacts.Ordinal(lower[i]);
            if (!marker && number is null)
            {
                continue;
            }

            for (var k = i + 1; k < lower.Count && k <= i + NounReach; k++)
            {
                if (!nouns.Contains(lower[k]))
                {
                    continue;
                }

                var noun = EventFacts.Singular(lower[k]);
                var own = ordinals.IsDefaultOrEmpty ? null : ordinals
                    .Where(o => o[..o.LastIndexOf(':')].EndsWith(noun, StringComparison.Ordinal))
                    .Select(o => (int?)int.Parse(o.AsSpan(o.LastIndexOf(':') + 1), CultureInfo.InvariantCulture)).Max();
                if (marker)
                {
                    return (k, own + 1);
                }

                // A numbered occurrence is the next one only when it comes after the story's own.
                if (own is null || number > own)
                {
                    return (k, number);
                }

                break;
            }
        }

        return null;
    }

    /// <summary>
    /// The place of the announced occurrence: a place or country named after "in" or "at" following the occurrence's
    /// noun, or else anywhere in the sentence, or the one right before "will host"; null when none.
    /// </summary>
    private static string? Place(AnnotatedArticle annotated, List<Word> words, List<string> lower, TextSpan sentence, int nounStart)
    {
        if (annotated.Mentions.IsDefaultOrEmpty)
        {
            return null;
        }

        var places = annotated.Mentions
            .Where(m => m.Type is MentionType.Place or MentionType.Country && m.Span.Start >= sentence.Start && m.Span.End <= sentence.End)
            .OrderBy(m => m.Span.Start).ToList();
        bool Introduced(Mention m)
        {
            var at = words.FindIndex(w => w.Start >= m.Span.Start);
            return at > 0 && lower[at - 1] is "in" or "at";
        }

        bool Hosts(Mention m)
        {
            var at = words.FindIndex(w => w.Start >= m.Span.End);
            return at >= 0 && at + 1 < lower.Count && lower[at + 1] == "host" && lower[at] is "will" or "would" or "to";
        }

        return (places.FirstOrDefault(m => m.Span.Start > nounStart && Introduced(m))
            ?? places.FirstOrDefault(Introduced)
            ?? places.FirstOrDefault(Hosts))?.Canonical;
    }

    // A resolved value without placeholders, its range cut to its start ("2027-03-02/2027-03-04" -> "2027-03-02").
    private static string Value(string value) => value.Split('/')[0];

    // A year, month or day with every digit known ("2027", "2026-09", "2026-09-14").
    private static bool Resolved(string value)
    {
        var start = Value(value);
        return start.Length is 4 or 7 or 10 && start.Split('-').All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    /// <summary>Whether a resolved time lies after <paramref name="day"/> at its own precision ("2027" after any day of 2026).</summary>
    private static bool After(string value, DateOnly? day)
    {
        if (!Resolved(value))
        {
            return false;
        }

        var parts = Value(value).Split('-');
        if (day is not { } d)
        {
            return true;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var date = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        return parts.Length switch
        {
            1 => year > d.Year,
            2 => (year, month).CompareTo((d.Year, d.Month)) > 0,
            _ => (year, month, date).CompareTo((d.Year, d.Month, d.Day)) > 0,
        };
    }
}
