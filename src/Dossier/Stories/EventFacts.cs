using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>
/// What a report's opening says about which occurrence of a recurring event it is about: ordinals of series
/// nouns ("7th round", "the forty-sixth summit") and whether it was written before the event. Word lists
/// live in <c>data/stories/</c>.
/// </summary>
public static partial class EventFacts
{
    // The title and the first few sentences tell the report's own event; later ordinals are mostly background
    // ("the first round, in May, ended without…").
    private const int OpeningChars = 500;

    private static readonly Lazy<FrozenSet<string>> SeriesNouns = new(() => EmbeddedData.Lines("stories/series-nouns.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenDictionary<string, int>> OrdinalWords = new(() => EmbeddedData.Lines("stories/ordinal-words.tsv")
        .Select(l => l.Split('\t')).Where(p => p.Length == 2)
        .ToFrozenDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal));
    // Words that make an ordinal count a streak ("the second straight cut") rather than name an occurrence.
    private static readonly Lazy<FrozenSet<string>> StreakWords = new(() => FrozenSet.ToFrozenSet(["straight", "consecutive", "successive", "running"], StringComparer.Ordinal));
    private static readonly Lazy<string[][]> AnnouncementCues = new(() =>
        [.. EmbeddedData.Lines("stories/announcement-cues.txt").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))]);

    /// <summary>
    /// The ordinals of series nouns in the title and opening, as <c>noun:number</c> ("round:7"), sorted. Plurals
    /// fold to the singular so that "the 7th round" and "seventh rounds of talks" agree.
    /// </summary>
    public static ImmutableArray<string> Ordinals(Article article)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var title = article.Metadata.Title ?? "";
        Scan(title, title.Length, found);
        var text = article.Text;

        // The opening as a range of the text, not a copy: the words of the text itself were looked up once (TextWords).
        Scan(text, Math.Min(text.Length, OpeningChars), found);
        return [.. found];
    }

    /// <summary>
    /// Ranges of numbers written as one value ("4%–4.25%", "3.75 to 4 percent", "between 7 and 8 magnitude"):
    /// as <c>range:LOW-HIGH</c>. They tell apart events of one family where every other word is shared (one
    /// rate decision's target range against the next one's).
    /// </summary>
    public static IEnumerable<string> Ranges(string text)
    {
        foreach (System.Text.RegularExpressions.Match m in RangePattern().Matches(text))
        {
            yield return "range:" + m.Groups[1].Value + "-" + m.Groups[2].Value;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])(\d{1,3}(?:\.\d{1,2})?)\s?%?\s?(?:[-–—]|to)\s?(\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent|per cent)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RangePattern();

    /// <summary>Whether the title announces an event still to come ("will hold talks", "ahead of", "X to join Y").</summary>
    public static bool IsAnnouncement(AnnotatedArticle annotated) => Announces(annotated.Article.Metadata.Title ?? "");

    /// <summary>
    /// True when two reports give different ordinals for the same series ("asean summit:46" against
    /// "asean summit:47"), each giving one only; or when one opening numbers an inaugural meeting ("the inaugural
    /// ASEAN-GCC-China summit", "the first-ever summit") and the other a later occurrence of the same kind of
    /// meeting under any name ("the 46th ASEAN summit"): the first of a series cannot be the 46th of anything, so
    /// the two tell of co-located meetings held the same days, however alike their words. Two later occurrences
    /// under different names ("the 47th ASEAN summit", "the 28th ASEAN-China summit") are not a conflict: one
    /// event is often told through either of the meetings it took place at.
    /// </summary>
    public static bool Conflict(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.IsDefaultOrEmpty || b.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var series in a.Select(Series).Distinct(StringComparer.Ordinal))
        {
            var left = a.Where(o => Series(o) == series).ToList();
            var right = b.Where(o => Series(o) == series).ToList();
            if (left.Count == 1 && right.Count == 1 && left[0] != right[0])
            {
                return true;
            }
        }

        foreach (var noun in a.Select(Noun).Distinct(StringComparer.Ordinal))
        {
            var left = a.Where(o => Noun(o) == noun).Select(Number).Distinct().ToList();
            var right = b.Where(o => Noun(o) == noun).Select(Number).Distinct().ToList();
            if (left.Count == 1 && right.Count == 1 && left[0] != right[0] && (left[0] == 1 || right[0] == 1))
            {
                return true;
            }
        }

        return false;
    }

    // "asean summit:46" -> "asean summit"; its noun alone -> "summit"; its number -> 46.
    private static string Series(string ordinal) => ordinal[..ordinal.LastIndexOf(':')];

    private static string Noun(string ordinal)
    {
        var series = Series(ordinal);
        return series[(series.LastIndexOf(' ') + 1)..];
    }

    private static int Number(string ordinal) => int.Parse(ordinal.AsSpan(ordinal.LastIndexOf(':') + 1), CultureInfo.InvariantCulture);

    private static bool Announces(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var words = TextTerms.Words(text).Select(w => w.Lower).ToList();
        return AnnouncementCues.Value.Any(cue => TextTerms.ContainsPhrase(words, cue));
    }

    private static void Scan(string text, int end, SortedSet<string> found)
    {
        var words = TextTerms.Words(text, 0, end);
        for (var i = 0; i < words.Count; i++)
        {
            if (Ordinal(words[i].Lower) is not { } number)
            {
                continue;
            }

            // The noun may follow a name or two: "the 7th China-Pakistan strategic dialogue", "the 46th ASEAN summit".
            for (var k = i + 1; k < words.Count && k <= i + 4; k++)
            {
                var noun = words[k].Lower;
                if (SeriesNouns.Value.Contains(noun))
                {
                    // "the second straight meeting", "the first meeting since 2019", "the third round in a row" count a
                    // streak or a gap, not which occurrence this is.
                    if (StreakWords.Value.Overlaps(words.Skip(i + 1).Take(k - i - 1).Select(w => w.Lower))
                        || (k + 1 < words.Count && words[k + 1].Lower == "since")
                        || (k + 3 < words.Count && words[k + 1].Lower == "in" && words[k + 2].Lower == "a" && words[k + 3].Lower == "row"))
                    {
                        break;
                    }

                    // The words between name the series: "the 47th ASEAN summit" and "the 28th ASEAN-China summit"
                    // are two series, not a conflict.
                    var series = string.Join(' ', words.Skip(i + 1).Take(k - i - 1).Select(w => w.Lower).Append(Singular(noun)));
                    found.Add(series + ":" + number.ToString(CultureInfo.InvariantCulture));
                    break;
                }
            }
        }
    }

    /// <summary>A series noun in the singular ("rounds" -> "round", "dialog" -> "dialogue"); shared with series linking.</summary>
    internal static string Singular(string noun) => noun switch
    {
        "dialog" => "dialogue",
        "consultations" => "consultation",
        _ when noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) => noun[..^1],
        _ => noun,
    };

    /// <summary>The number a lower-cased ordinal word gives ("seventh", "7th", "inaugural"), or null; shared with series linking.</summary>
    internal static int? Ordinal(string word)
    {
        if (OrdinalWords.Value.TryGetValue(word, out var n))
        {
            return n;
        }

        // "7th", "46th", "1st", "22nd", "3rd".
        if (word.Length >= 3 && char.IsAsciiDigit(word[0]) && (word.EndsWith("th", StringComparison.Ordinal) || word.EndsWith("st", StringComparison.Ordinal) || word.EndsWith("nd", StringComparison.Ordinal) || word.EndsWith("rd", StringComparison.Ordinal))
            && int.TryParse(word.AsSpan(0, word.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1000)
        {
            return value;
        }

        return null;
    }
}
