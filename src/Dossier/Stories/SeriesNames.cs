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
    // How far after an ordinal its noun may stand, as in EventFacts: "the 7th China-Pakistan strategic dialogue".
    private const int NounReach = 4;

    /// <summary>
    /// The distinct names <paramref name="annotated"/> gives, in order of first appearance, from the words of its title
    /// and of its opening (the word lists the digest has already made: the text is not split again).
    /// </summary>
    public static IEnumerable<string> Of(AnnotatedArticle annotated, List<Word> title, List<Word> opening, FrozenSet<string> nouns)
    {
        // Without a series or recurring noun there is no name to find.
        if (!title.Exists(w => nouns.Contains(w.Lower)) && !opening.Exists(w => nouns.Contains(w.Lower)))
        {
            return [];
        }

        var found = new List<string>();
        Scan(annotated.Article.Metadata.Title ?? "", title, nouns, found);
        var text = annotated.Article.Text;
        if (annotated.Sentences.IsDefaultOrEmpty)
        {
            Scan(text, opening, nouns, found);
        }
        else
        {
            // The opening's words sentence by sentence: title case is judged per line.
            var at = 0;
            foreach (var sentence in annotated.Sentences)
            {
                if (at == opening.Count)
                {
                    break;
                }

                var from = at;
                while (at < opening.Count && opening[at].Start < sentence.Span.End)
                {
                    at++;
                }

                Scan(text, opening.GetRange(from, at - from), nouns, found);
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    private static void Scan(string text, List<Word> words, FrozenSet<string> nouns, List<string> found)
    {
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
