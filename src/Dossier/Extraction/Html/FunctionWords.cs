using System.Collections.Frozen;

namespace Dossier.Extraction.Html;

/// <summary>
/// Fast language identification by function words (<c>data/extraction/function-words.tsv</c>): counts,
/// over the first few hundred words, how many are function words of each language, and answers only when
/// one language is frequent and well ahead of the runner-up. Otherwise null: the statistical model decides.
/// </summary>
internal static class FunctionWords
{
    /// <summary>Words of the text that are looked at.</summary>
    public const int SampleWords = 120;

    private static readonly FrozenDictionary<string, string[]> LanguagesOfWord = Load();

    /// <summary>The ISO 639-1 code when function words settle it, else null.</summary>
    public static string? Identify(string text)
    {
        Span<int> counts = stackalloc int[8];
        var codes = Codes;
        var words = 0;
        var lookup = LanguagesOfWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        var i = 0;
        while (i < text.Length && words < SampleWords)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length == 0)
            {
                break;
            }

            words++;
            if (length > lower.Length)
            {
                continue;
            }

            var word = lower[..length];
            text.AsSpan(start, length).ToLowerInvariant(word);
            if (lookup.TryGetValue(word, out var languages))
            {
                foreach (var code in languages)
                {
                    counts[Array.IndexOf(codes, code)]++;
                }
            }
        }

        if (words < 12)
        {
            return null;
        }

        int best = -1, bestCount = 0, second = 0;
        for (var k = 0; k < codes.Length; k++)
        {
            if (counts[k] > bestCount)
            {
                second = bestCount;
                bestCount = counts[k];
                best = k;
            }
            else if (counts[k] > second)
            {
                second = counts[k];
            }
        }

        // At least a fifth of the words, and twice the runner-up: clear-cut cases only.
        return best >= 0 && bestCount * 5 >= words && bestCount >= 2 * second ? codes[best] : null;
    }

    private static readonly string[] Codes = ["en", "fr", "es", "de", "pt", "it", "nl"];

    private static FrozenDictionary<string, string[]> Load()
    {
        using var reader = EmbeddedData.Open("extraction/function-words.tsv");
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var code = line[..tab];
            foreach (var word in line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!map.TryGetValue(word, out var list))
                {
                    map[word] = list = [];
                }

                if (!list.Contains(code))
                {
                    list.Add(code);
                }
            }
        }

        return map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
