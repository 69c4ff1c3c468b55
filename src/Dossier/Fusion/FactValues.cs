using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>The checkable values of a proposition: days, numbers, places and whether it is negated.</summary>
/// <param name="Days">Calendar days it names: the language stage's resolved times inside the clause (ISO, <c>--MM-DD</c> when the year is
/// unknown). The language stage is the one date reader; this record reads none of its own.</param>
/// <param name="Numbers">Numbers it states, outside dates.</param>
/// <param name="Places">Places and countries it names (from mentions).</param>
/// <param name="People">People it names (from mentions).</param>
/// <param name="Negated">True when the verb is negated ("did not", "never", "refused to").</param>
/// <param name="Counted">Numbers keyed by what they count: each number under the content terms beside it ("23 people" is people=23).</param>
internal sealed record FactValues(ImmutableArray<string> Days, ImmutableArray<string> Numbers, ImmutableArray<string> Places, ImmutableArray<string> People, bool Negated, ImmutableArray<(string Unit, string Value)> Counted)
{
    /// <summary>The word of the text each counted unit (a stemmed term) first came from, for labels people read.</summary>
    public ImmutableDictionary<string, string> UnitWords { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Reads the values of the clause <paramref name="span"/> of an article.</summary>
    public static FactValues Of(AnnotatedArticle article, TextSpan span)
    {
        var text = article.Article.Text;
        var words = TextTerms.Words(text, span.Start, span.End);
        var days = new SortedSet<string>(StringComparer.Ordinal);
        var dateWords = new HashSet<int>();
        if (!article.Times.IsDefaultOrEmpty)
        {
            foreach (var t in article.Times.Where(t => span.Contains(t.Span) && IsDay(t.Value)))
            {
                // A day without a known year ("XXXX-03-12") matches that day in any year.
                days.Add(t.Value.StartsWith("XXXX", StringComparison.Ordinal) ? "-" + t.Value[4..] : t.Value);
                for (var i = 0; i < words.Count; i++)
                {
                    if (t.Span.Contains(words[i].Span))
                    {
                        dateWords.Add(i);
                    }
                }
            }
        }

        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        var counted = new SortedSet<(string, string)>();
        var unitWords = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (!dateWords.Contains(i) && char.IsDigit(w[0]) && !w.Contains('-', StringComparison.Ordinal) && !(w.Length == 4 && w.All(char.IsDigit) && w[0] is '1' or '2'))
            {
                var value = w.Replace(",", "", StringComparison.Ordinal);
                numbers.Add(value);
                foreach (var k in (ReadOnlySpan<int>)[i - 2, i - 1, i + 1, i + 2])
                {
                    if (k >= 0 && k < words.Count)
                    {
                        foreach (var unit in words[k].Terms.Where(u => !char.IsDigit(u[0])))
                        {
                            counted.Add((unit, value));
                            unitWords.TryAdd(unit, words[k].Lower);
                        }
                    }
                }
            }
        }

        var places = ImmutableArray<string>.Empty;
        var people = ImmutableArray<string>.Empty;
        if (!article.Mentions.IsDefaultOrEmpty)
        {
            var inside = article.Mentions.Where(m => span.Contains(m.Span)).ToList();
            places = [.. inside.Where(m => m.Type is MentionType.Place).Select(m => ArticleFeatures.Normalise(m.Canonical)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            people = [.. inside.Where(m => m.Type is MentionType.Person).Select(m => ArticleFeatures.Normalise(m.Canonical)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        // Only a negation near the head of the clause negates what it claims; "ensure that X is not used" deep in a clause does not.
        var negated = words.Take(8).Any(w => w.Lower is "not" or "never" or "no" or "nor" or "denied" or "refused" or "didn" or "isn" or "wasn" or "weren" or "aren" or "doesn" or "don" or "won" or "hasn" or "haven" or "hadn");
        return new FactValues([.. days], [.. numbers], places, people, negated, [.. counted]) { UnitWords = unitWords.ToImmutableDictionary(StringComparer.Ordinal) };
    }

    /// <summary>True when two day values can name the same day (a value without a year matches any year).</summary>
    public static bool SameDay(string a, string b) =>
        a == b || (a.StartsWith("--", StringComparison.Ordinal) && b.EndsWith(a[1..], StringComparison.Ordinal)) || (b.StartsWith("--", StringComparison.Ordinal) && a.EndsWith(b[1..], StringComparison.Ordinal));

    private static bool IsDay(string v) =>
        v.Length == 10 && v[4] == '-' && v[7] == '-' && char.IsDigit(v[5]) && char.IsDigit(v[6]) && char.IsDigit(v[8]) && char.IsDigit(v[9])
        && (v.StartsWith("XXXX", StringComparison.Ordinal) || (char.IsDigit(v[0]) && char.IsDigit(v[1]) && char.IsDigit(v[2]) && char.IsDigit(v[3])));
}
