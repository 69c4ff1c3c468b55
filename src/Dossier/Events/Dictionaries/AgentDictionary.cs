namespace Dossier.Events.Dictionaries;

/// <summary>An agent: a role such as "foreign minister" or "police" that adds a code to the actor it qualifies.</summary>
/// <param name="Name">The dictionary phrase.</param>
/// <param name="Code">The code part (GOV, COP, NGO…).</param>
/// <param name="Prefix">True when the code goes before the actor's (<c>[NGO~]</c>), false when after (<c>[~GOV]</c>).</param>
public sealed record AgentEntry(string Name, string Code, bool Prefix);

/// <summary>
/// An agent dictionary in the PETRARCH format: <c>PHRASE {PLURALS} [~CODE]</c>, substitution sets
/// (<c>!PERSON! = MAN, WOMAN</c>), regular plurals generated unless <c>{}</c> says there are none.
/// </summary>
public sealed class AgentDictionary : IDictionaryReader
{
    private readonly PhraseTrie<AgentEntry> _trie = new();

    /// <summary>Number of phrases, plurals included.</summary>
    public int Count => _trie.Count;

    /// <summary>Loads and merges the given files.</summary>
    public static AgentDictionary Load(params IEnumerable<string> paths) => DictionaryText.Load<AgentDictionary>(paths);

    /// <summary>Parses one dictionary text into a new dictionary.</summary>
    public static AgentDictionary Parse(TextReader reader) => DictionaryText.Parse<AgentDictionary>(reader);

    /// <summary>Adds the entries of a dictionary text.</summary>
    public void Read(TextReader reader)
    {
        var substitutions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var raw in DictionaryText.Lines(reader))
        {
            var line = DictionaryText.Clean(raw);
            if (line.Length == 0) continue;
            if (line[0] == '!' && line.Contains('=', StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                substitutions[line[..eq].Trim().ToUpperInvariant()] =
                    [.. line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant())];
                continue;
            }
            var b = line.IndexOf('[', StringComparison.Ordinal);
            var e = line.IndexOf(']', StringComparison.Ordinal);
            if (b < 0 || e < b) continue;
            var codeText = line[(b + 1)..e].Trim().ToUpperInvariant();
            var head = line[..b];
            string[]? plurals = null;
            var cb = head.IndexOf('{', StringComparison.Ordinal);
            if (cb >= 0)
            {
                var ce = head.IndexOf('}', cb);
                plurals = ce > cb ? head[(cb + 1)..ce].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
                head = head[..cb];
            }
            var name = head.Trim();
            if (name.Length == 0 || codeText.Length == 0) continue;
            var prefix = codeText.EndsWith('~');
            var code = codeText.Trim('~', ' ');
            if (code.Length == 0) continue;
            var entry = new AgentEntry(name.TrimEnd('_'), code, prefix);
            foreach (var form in Expand(name.ToUpperInvariant(), substitutions))
            {
                var words = CoderTokens.PhraseWords(form);
                if (words.Length == 0) continue;
                _trie.Add(words, entry);
                if (plurals is null) _trie.Add(PluralOf(words), entry);
            }
            if (plurals is not null)
            {
                foreach (var p in plurals)
                {
                    foreach (var form in Expand(p.ToUpperInvariant(), substitutions))
                    {
                        var words = CoderTokens.PhraseWords(form);
                        if (words.Length > 0) _trie.Add(words, entry);
                    }
                }
            }
        }
    }

    /// <summary>Adds one agent by hand (the built-in dictionaries use this).</summary>
    public void Add(string phrase, AgentEntry entry, bool withPlural = true)
    {
        var words = CoderTokens.PhraseWords(phrase);
        _trie.Add(words, entry);
        if (withPlural) _trie.Add(PluralOf(words), entry);
    }

    /// <summary>The longest agent phrase starting at token <paramref name="start"/>; 0 when none.</summary>
    public int Match(ReadOnlySpan<KeyedToken> tokens, int start, out AgentEntry? entry) => _trie.Longest(tokens, start, out entry);

    /// <summary>The same over the sentence's word numbers (<see cref="DictionaryWords"/>).</summary>
    internal int Match(ReadOnlySpan<int> words, int start, out AgentEntry? entry) => _trie.Longest(words, start, out entry);

    /// <summary>The entry of exactly this phrase, or null.</summary>
    public AgentEntry? Lookup(string phrase) => _trie.Get(CoderTokens.PhraseWords(phrase));

    private static IEnumerable<string> Expand(string name, Dictionary<string, string[]> subs)
    {
        var s = name.IndexOf('!', StringComparison.Ordinal);
        if (s < 0) { yield return name; yield break; }
        var e = name.IndexOf('!', s + 1);
        if (e < 0) { yield return name.Replace("!", "", StringComparison.Ordinal); yield break; }
        var key = name[s..(e + 1)];
        if (!subs.TryGetValue(key, out var values)) { yield return name.Remove(s, e - s + 1); yield break; }
        foreach (var v in values)
        {
            foreach (var x in Expand(string.Concat(name.AsSpan(0, s), v, name.AsSpan(e + 1)), subs)) yield return x;
        }
    }

    /// <summary>Regular English plural of the last word (MAN -> MEN, POLICY -> POLICIES, BOSS -> BOSSES).</summary>
    internal static string[] PluralOf(string[] words)
    {
        var copy = (string[])words.Clone();
        copy[^1] = Plural(copy[^1]);
        return copy;
    }

    internal static string Plural(string w)
    {
        if (w.EndsWith("MAN", StringComparison.Ordinal)) return w[..^3] + "MEN";
        if (w.Length > 1 && w.EndsWith('Y') && !"AEIOU".Contains(w[^2], StringComparison.Ordinal)) return w[..^1] + "IES";
        if (w.EndsWith('S') || w.EndsWith('X') || w.EndsWith('Z') || w.EndsWith("CH", StringComparison.Ordinal) || w.EndsWith("SH", StringComparison.Ordinal)) return w + "ES";
        return w + "S";
    }
}
