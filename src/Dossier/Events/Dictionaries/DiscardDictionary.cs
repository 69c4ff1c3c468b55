namespace Dossier.Events.Dictionaries;

/// <summary>A phrase whose presence stops coding: of the whole story (sports results) or of one sentence.</summary>
/// <param name="Phrase">The phrase.</param>
/// <param name="WholeStory">True for story-level discards ('+' lines in the PETRARCH format).</param>
public sealed record DiscardEntry(string Phrase, bool WholeStory);

/// <summary>Discard phrases (PETRARCH format: one phrase a line, '+' for story-level).</summary>
public sealed class DiscardDictionary : IDictionaryReader
{
    private readonly PhraseTrie<DiscardEntry> _trie = new();

    /// <summary>Number of phrases.</summary>
    public int Count => _trie.Count;

    /// <summary>Loads the given files.</summary>
    public static DiscardDictionary Load(params IEnumerable<string> paths) => DictionaryText.Load<DiscardDictionary>(paths);

    /// <summary>Parses one dictionary text.</summary>
    public static DiscardDictionary Parse(TextReader reader) => DictionaryText.Parse<DiscardDictionary>(reader);

    /// <summary>Adds the entries of a dictionary text.</summary>
    public void Read(TextReader reader)
    {
        foreach (var raw in DictionaryText.Lines(reader))
        {
            var line = DictionaryText.Clean(raw);
            if (line.Length == 0) continue;
            var story = line[0] == '+';
            var phrase = story ? line[1..].Trim() : line;
            // Bare numbers in some files are years of sports tables, not phrases worth matching alone.
            if (phrase.Length == 0 || phrase.All(char.IsDigit)) continue;
            Add(phrase, story);
        }
    }

    /// <summary>Adds one phrase.</summary>
    public void Add(string phrase, bool wholeStory)
    {
        var words = CoderTokens.PhraseWords(phrase);
        if (words.Length > 0) _trie.Add(words, new DiscardEntry(phrase, wholeStory));
    }

    /// <summary>The first discard phrase found in the tokens, or null.</summary>
    public DiscardEntry? Find(ReadOnlySpan<KeyedToken> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (_trie.Longest(tokens, i, out var e) > 0) return e;
        }
        return null;
    }

    /// <summary>The same over the sentence's word numbers (<see cref="DictionaryWords"/>).</summary>
    internal DiscardEntry? Find(ReadOnlySpan<int> words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (_trie.Longest(words, i, out var e) > 0) return e;
        }
        return null;
    }
}
