using System.Collections.Frozen;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>
/// The name of a recurring event as a report writes it, with its own capitals ("China-Pakistan Foreign Ministers'
/// Strategic Dialogue", "ASEAN Summit", "China-Pakistan strategic dialogue"): a run of capitalised words ending in a
/// capitalised series noun, or the words between an ordinal and its series noun ("the 7th China-Pakistan strategic
/// dialogue"). Read from the title and the opening sentences, skipping lines in title case, where every word is
/// capitalised and a run of capitals says nothing about names.
/// </summary>
internal static class SeriesNames
{
    // Characters of the text read: the opening names the event; later names are mostly background.
    private const int OpeningChars = 1500;

    // How far after an ordinal its noun may stand, as in EventFacts: "the 7th China-Pakistan strategic dialogue".
    private const int NounReach = 4;

    /// <summary>The distinct names <paramref name="annotated"/> gives, in order of first appearance.</summary>
    public static IEnumerable<string> Of(AnnotatedArticle annotated, FrozenSet<string> nouns)
    {
        var found = new List<string>();
        var title = annotated.Article.Metadata.Title ?? "";
        Scan(title, 0, title.Length, nouns, found);
        var text = annotated.Article.Text;
        var opening = Math.Min(text.Length, OpeningChars);
        if (annotated.Sentences.IsDefaultOrEmpty)
        {
            Scan(text, 0, opening, nouns, found);
        }
        else
        {
            foreach (var sentence in annotated.Sentences.TakeWhile(s => s.Span.Start < opening))
            {
                Scan(text, sentence.Span.Start, Math.Min(sentence.Span.End, text.Length), nouns, found);
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    private static void Scan(string text, int start, int end, FrozenSet<string> nouns, List<string> found)
    {
        var words = TextTerms.Words(text, start, end);
        if (words.Count == 0 || TitleCase(text, words))
        {
            return;
        }

        for (var k = 0; k < words.Count; k++)
        {
            if (!nouns.Contains(words[k].Lower))
            {
                continue;
            }

            // A capitalised noun closing a run of capitalised words, not continued by one more.
            if (Capitalised(text, words[k]) && !(k + 1 < words.Count && Capitalised(text, words[k + 1]) && Joined(text, words[k], words[k + 1])))
            {
                var first = k;
                while (first > 0 && Capitalised(text, words[first - 1]) && Joined(text, words[first - 1], words[first]))
                {
                    first--;
                }

                // "The", "In" opening a sentence are not part of the name.
                while (first < k && Lexicon.Stopwords.Contains(words[first].Lower))
                {
                    first++;
                }

                if (first < k)
                {
                    found.Add(Cut(text, words[first], words[k]));
                }
            }

            // The words between an ordinal and its noun, as written, when they hold a capital: "China-Pakistan strategic dialogue".
            for (var i = k - 1; i >= 0 && i >= k - NounReach; i--)
            {
                if (EventFacts.Ordinal(words[i].Lower) is not null)
                {
                    if (i + 1 < k && text.AsSpan(words[i + 1].Start, words[k].End - words[i + 1].Start).ContainsAnyInRange('A', 'Z'))
                    {
                        found.Add(Cut(text, words[i + 1], words[k]));
                    }

                    break;
                }
            }
        }
    }

    private static string Cut(string text, Word first, Word last) => text[first.Start..last.End];

    private static bool Capitalised(string text, Word word) => char.IsUpper(text[word.Start]);

    // Two words of one name stand apart by spaces or a possessive ("Ministers' Strategic", "Ministers's"), not by punctuation.
    private static bool Joined(string text, Word left, Word right)
    {
        var between = text.AsSpan(left.End, right.Start - left.End).Trim(' ');
        return between.Length == 0 || between is "'" or "\u2019" or "'s" or "\u2019s";
    }

    // A line where every word but the function words is capitalised (three or more of them): a headline in title case.
    private static bool TitleCase(string text, List<Word> words)
    {
        var content = words.Where(w => char.IsLetter(text[w.Start]) && !Lexicon.Stopwords.Contains(w.Lower)).ToList();
        return content.Count >= 3 && content.All(w => Capitalised(text, w));
    }
}
