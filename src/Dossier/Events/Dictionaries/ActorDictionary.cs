namespace Dossier.Events.Dictionaries;

/// <summary>One code of an actor, valid between two dates (either bound may be open).</summary>
/// <param name="Code">The CAMEO actor code, such as PAKGOV; several codes joined by '/' name several actors.</param>
/// <param name="From">First day the code applies, or null.</param>
/// <param name="To">Last day the code applies, or null.</param>
public sealed record ActorCode(string Code, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the code has no date bounds.</summary>
    public bool Unbounded => From is null && To is null;

    /// <summary>True when <paramref name="date"/> lies within the bounds.</summary>
    public bool Covers(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>An actor of the dictionary: its root name and its codes over time.</summary>
/// <param name="Name">The root phrase, in dictionary form ("UNITED_STATES").</param>
/// <param name="Codes">Codes in file order; dated ones are tried first, then the first undated one.</param>
public sealed record ActorEntry(string Name, IReadOnlyList<ActorCode> Codes)
{
    /// <summary>
    /// The code that applies on <paramref name="date"/>: the first dated code covering it, else the first
    /// undated code, else the country every dated code shares; with no date, the first undated code or, failing
    /// that, the last dated one (the most recent).
    /// </summary>
    public string? CodeOn(DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var c in Codes) if (!c.Unbounded && c.Covers(d)) return c.Code;
        }
        foreach (var c in Codes) if (c.Unbounded) return c.Code;
        if (date is null) return Codes.Count > 0 ? Codes[^1].Code : null;
        return SharedCountry();
    }

    /// <summary>
    /// Outside every dated role a person still belongs to the country all their roles name ("Moody Awori" before
    /// his term is KEN, not nobody): the role is dropped, the country kept. Roles in different countries say nothing.
    /// </summary>
    private string? SharedCountry()
    {
        string? country = null;
        foreach (var c in Codes)
        {
            if (c.Code.Length < 3 || c.Code.Contains('/', StringComparison.Ordinal)) return null;
            var own = c.Code[..3];
            if (country is null) country = own;
            else if (country != own) return null;
        }
        return country;
    }
}

/// <summary>
/// An actor dictionary in the PETRARCH/TABARI format: phrases (words joined by '_' or blanks), synonyms on
/// '+' lines, codes in brackets with optional date bounds (<c>[HOBGOV 19950601-19990815]</c>,
/// <c>[RHO &lt;790606]</c>, <c>[HOBREB &gt;990816]</c>). Several files can be loaded into one dictionary; the first
/// entry for a phrase wins. Used by the event coder and available to other stages (e.g. for
/// <c>dossier annotate --actors</c>).
/// </summary>
public sealed class ActorDictionary : IDictionaryReader
{
    private readonly PhraseTrie<ActorEntry> _trie = new();

    /// <summary>Number of phrases (names and synonyms).</summary>
    public int Count => _trie.Count;

    /// <summary>Loads and merges the given files.</summary>
    public static ActorDictionary Load(params IEnumerable<string> paths) => DictionaryText.Load<ActorDictionary>(paths);

    /// <summary>Parses one dictionary text into a new dictionary.</summary>
    public static ActorDictionary Parse(TextReader reader) => DictionaryText.Parse<ActorDictionary>(reader);

    /// <summary>Adds the entries of a dictionary text.</summary>
    public void Read(TextReader reader)
    {
        var names = new List<string>();
        var codes = new List<ActorCode>();
        string? root = null;
        void Flush()
        {
            if (root is not null && codes.Count > 0)
            {
                var entry = new ActorEntry(root, [.. codes]);
                foreach (var n in names)
                {
                    var words = CoderTokens.PhraseWords(n);
                    if (words.Length > 0) _trie.Add(words, entry);
                }
            }
            names.Clear();
            codes.Clear();
            root = null;
        }
        foreach (var raw in DictionaryText.Lines(reader))
        {
            var line = DictionaryText.Clean(raw);
            if (line.Length == 0) continue;
            if (line[0] == '[')
            {
                if (root is not null) ParseCodes(line, codes);
                continue;
            }
            if (line[0] == '+')
            {
                if (root is null) continue;
                var (syn, synCodes) = SplitCodes(line[1..]);
                if (syn.Length > 0) names.Add(syn);
                if (synCodes is not null) ParseCodes(synCodes, codes);
                continue;
            }
            Flush();
            var (name, codeText) = SplitCodes(line);
            if (name.Length == 0) continue;
            root = name.TrimEnd('_');
            names.Add(name);
            if (codeText is not null) ParseCodes(codeText, codes);
        }
        Flush();
    }

    /// <summary>Adds one actor by hand (the built-in dictionaries use this).</summary>
    public void Add(string phrase, ActorEntry entry) => _trie.Add(CoderTokens.PhraseWords(phrase), entry);

    /// <summary>The entry of exactly this phrase, or null.</summary>
    public ActorEntry? Lookup(string phrase) => _trie.Get(CoderTokens.PhraseWords(phrase));

    /// <summary>The longest actor phrase starting at token <paramref name="start"/>; 0 when none.</summary>
    public int Match(ReadOnlySpan<KeyedToken> tokens, int start, out ActorEntry? entry) => _trie.Longest(tokens, start, out entry);

    /// <summary>The same over the sentence's word numbers (<see cref="DictionaryWords"/>).</summary>
    internal int Match(ReadOnlySpan<int> words, int start, out ActorEntry? entry) => _trie.Longest(words, start, out entry);

    private static (string Name, string? Codes) SplitCodes(string line)
    {
        var b = line.IndexOf('[', StringComparison.Ordinal);
        if (b < 0) return (line.Trim(), null);
        return (line[..b].Trim(), line[b..]);
    }

    private static void ParseCodes(string text, List<ActorCode> codes)
    {
        var i = 0;
        while ((i = text.IndexOf('[', i)) >= 0)
        {
            var j = text.IndexOf(']', i);
            if (j < 0) break;
            var inner = text[(i + 1)..j].Trim();
            i = j + 1;
            if (inner.Length == 0) continue;
            var firstSpace = inner.IndexOfAny([' ', '\t', '<', '>']);
            string code;
            string rest;
            if (firstSpace < 0) { code = inner; rest = ""; }
            else { code = inner[..firstSpace].Trim(); rest = inner[firstSpace..].Trim(); }
            // A bound without a code ("[950601-990815]") is a malformed block: skip it.
            if (code.Length == 0 || char.IsDigit(code[0])) continue;
            code = code.ToUpperInvariant();
            DateOnly? from = null, to = null;
            if (rest.Length > 0)
            {
                if (rest[0] == '<') to = DictionaryText.ParseDate(rest[1..])?.AddDays(-1);
                else if (rest[0] == '>') from = DictionaryText.ParseDate(rest[1..])?.AddDays(1);
                else
                {
                    var dash = rest.IndexOf('-', StringComparison.Ordinal);
                    if (dash < 0) continue;
                    from = DictionaryText.ParseDate(rest[..dash]);
                    to = DictionaryText.ParseDate(rest[(dash + 1)..]);
                    if (from is null || to is null) continue;
                }
                if (from is null && to is null) continue;
            }
            codes.Add(new ActorCode(code, from, to));
        }
    }
}

/// <summary>
/// A PETRARCH actor dictionary as the language stage's <see cref="Language.IActorCodeSource"/>: the code a mention's
/// canonical name has on the article's day, consulted before our own codes (<c>dossier annotate --actors</c>).
/// </summary>
/// <param name="dictionary">The user's actor dictionary.</param>
public sealed class DictionaryActorCodes(ActorDictionary dictionary) : Language.IActorCodeSource
{
    /// <inheritdoc />
    public string? CodeFor(string name, DateOnly? date) => dictionary.Lookup(name)?.CodeOn(date);
}
