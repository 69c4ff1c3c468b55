using System.Collections.Frozen;

namespace Dossier.Stories;

/// <summary>
/// The word lists grouping and fusion use, read once from the library's embedded <c>data/fusion/</c> files.
/// Language lives in data, not in code; this class only parses it.
/// </summary>
internal static class Lexicon
{
    private static readonly Lazy<FrozenSet<string>> StopwordSet = new(() => Lines("stopwords.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenDictionary<string, string[]>> SynonymMap = new(LoadSynonyms);
    private static readonly Lazy<FrozenSet<string>> ClauseVerbSet = new(() => Lines("clause-verbs.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> NotClauseVerbSet = new(() => Lines("not-clause-verbs.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<(string Topic, string[] Cues)[]> TopicList = new(() =>
        [.. Lines("topics.tsv").Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => (p[0], p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)))]);

    /// <summary>Function words that carry no content.</summary>
    public static FrozenSet<string> Stopwords => StopwordSet.Value;

    /// <summary>Variant spelling or paraphrase to canonical term(s).</summary>
    public static FrozenDictionary<string, string[]> Synonyms => SynonymMap.Value;

    /// <summary>Finite verbs that may open a new proposition after a coordinator.</summary>
    public static FrozenSet<string> ClauseVerbs => ClauseVerbSet.Value;

    /// <summary>-ed and -ing words that never open a proposition.</summary>
    public static FrozenSet<string> NotClauseVerbs => NotClauseVerbSet.Value;

    /// <summary>Topics with their stemmed cue prefixes.</summary>
    public static IReadOnlyList<(string Topic, string[] Cues)> Topics => TopicList.Value;

    /// <summary>The non-comment, non-empty lines of an embedded <c>data/fusion</c> file.</summary>
    public static IEnumerable<string> Lines(string file) => EmbeddedData.Lines("fusion/" + file);

    private static string Fold(string word) => char.IsDigit(word[0]) ? word : TextTerms.Stem(TextTerms.American(word));

    private static FrozenDictionary<string, string[]> LoadSynonyms()
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var parts in Lines("synonyms.tsv").Select(l => l.Split('\t')).Where(p => p.Length == 2))
        {
            // Canonical terms go through the same folding as any other word, and a variant is found by its stem too.
            var canonical = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToArray();
            map.TryAdd(parts[0], canonical);
            var stem = Fold(parts[0]);
            if (stem != parts[0])
            {
                map.TryAdd(stem, canonical);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
