using System.Globalization;
using System.Text;

namespace Dossier.Tests.Extraction.Html;

/// <summary>Precision, recall and F1 of a set of extractions (means over pages), and the share of exact pages.</summary>
public sealed record ExtractionScore(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The article-extraction benchmark's metric: tokens are runs of word characters, shingles are runs of
/// four tokens counted as multisets, per-page true/false positives and negatives are normalised to sum
/// to one, precision and recall are means over pages, F1 is their harmonic mean.
/// </summary>
public static class ExtractionMetric
{
    private const int ShingleSize = 4;

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="truth"/>; a page missing from the predictions counts as empty.</summary>
    public static ExtractionScore Score(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predicted)
    {
        double precisionSum = 0, recallSum = 0;
        int precisionPages = 0, recallPages = 0, exact = 0;
        foreach (var (id, expected) in truth)
        {
            var actual = predicted.TryGetValue(id, out var p) ? p : "";
            var (tp, fp, fn) = Compare(expected, actual);
            if (tp + fp > 0)
            {
                precisionSum += tp / (tp + fp);
                precisionPages++;
            }
            else if (fp == 0 && fn == 0)
            {
                precisionSum += 1;
                precisionPages++;
            }

            if (tp + fn > 0)
            {
                recallSum += tp / (tp + fn);
                recallPages++;
            }
            else if (fp == 0 && fn == 0)
            {
                recallSum += 1;
                recallPages++;
            }

            if (Tokens(expected).SequenceEqual(Tokens(actual), StringComparer.Ordinal))
            {
                exact++;
            }
        }

        var precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        var recall = recallPages == 0 ? 0 : recallSum / recallPages;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ExtractionScore(precision, recall, f1, truth.Count == 0 ? 0 : (double)exact / truth.Count, truth.Count);
    }

    /// <summary>The normalised true positive, false positive and false negative shares of one page.</summary>
    public static (double Tp, double Fp, double Fn) Compare(string expected, string actual)
    {
        var truth = Shingles(expected);
        var guess = Shingles(actual);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (key, count) in truth)
        {
            var other = guess.GetValueOrDefault(key);
            tp += Math.Min(count, other);
            fn += Math.Max(0, count - other);
        }

        foreach (var (key, count) in guess)
        {
            fp += Math.Max(0, count - truth.GetValueOrDefault(key));
        }

        double sum = tp + fp + fn;
        return sum == 0 ? (0, 0, 0) : (tp / sum, fp / sum, fn / sum);
    }

    /// <summary>
    /// Word tokens as the benchmark's tokenizer (a Unicode <c>\w+</c> in Python) sees them: letters, any
    /// kind of number, and the underscore. .NET's <c>\w</c> differs (it adds combining marks and drops
    /// other numbers), so the classes are spelled out.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWord(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static bool IsWord(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
            UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length < ShingleSize)
        {
            // A short text is one shingle of whatever tokens it has (the benchmark's rule), even none.
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }

        for (var i = 0; i + ShingleSize <= tokens.Length; i++)
        {
            var key = string.Join('\u0001', tokens, i, ShingleSize);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
