namespace Dossier.Events.Dictionaries;

/// <summary>What one element of a verb pattern stands for.</summary>
public enum PatternElementKind
{
    /// <summary>A word or, for a synonym set, one of several phrases.</summary>
    Words,
    /// <summary><c>$</c>: the source actor stands here.</summary>
    Source,
    /// <summary><c>+</c>: the target actor stands here.</summary>
    Target,
    /// <summary><c>%</c>: a compound actor ("X and Y") stands here; events go between its members.</summary>
    Compound,
    /// <summary><c>^</c>: skip a phrase.</summary>
    Skip,
}

/// <summary>One element of a verb pattern.</summary>
/// <param name="Kind">What it stands for.</param>
/// <param name="Alternatives">For words: the phrases that match (one for a plain word, several for a synonym set).</param>
/// <param name="Joined">True when it must follow the previous element directly ('_' in the dictionary).</param>
/// <param name="Text">The element as written.</param>
public sealed record PatternElement(PatternElementKind Kind, string[][] Alternatives, bool Joined, string Text)
{
    /// <summary>The alternatives' words as dictionary word numbers (<see cref="DictionaryWords"/>), compared with a sentence's.</summary>
    internal int[][] Numbers { get; } = [.. Alternatives.Select(a => a.Select(DictionaryWords.Number).ToArray())];

    /// <summary>
    /// For a large synonym set (&amp;WEAPON has over a hundred phrases), the numbers its phrases start with: a token
    /// with none of them is passed over with one set lookup instead of a comparison with every phrase.
    /// </summary>
    internal HashSet<int>? FirstNumbers { get; } = Alternatives.Length > 8 ? [.. Alternatives.Where(a => a.Length > 0).Select(a => DictionaryWords.Number(a[0]))] : null;
}

/// <summary>A CAMEO event code as written in a verb dictionary: <c>[032:033]</c> gives a forward and a reverse code.</summary>
/// <param name="Forward">Code of the source-to-target event, or null.</param>
/// <param name="Reverse">Code of the paired target-to-source event, or null.</param>
public sealed record VerbCode(string? Forward, string? Reverse)
{
    /// <summary>Parses <c>032</c>, <c>032:033</c>, <c>:173</c> or <c>---</c> (no event).</summary>
    public static VerbCode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Trim('[', ']').Trim();
        if (t.Length == 0) return null;
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        string? f = colon < 0 ? t : t[..colon].Trim();
        string? r = colon < 0 ? null : t[(colon + 1)..].Trim();
        static string? Clean(string? s) => string.IsNullOrEmpty(s) || s.All(c => c == '-') ? null : s.ToUpperInvariant();
        return new VerbCode(Clean(f), Clean(r));
    }

    /// <summary>True when the code produces no event (<c>[---]</c>).</summary>
    public bool IsNull => Forward is null && Reverse is null;

    /// <inheritdoc />
    public override string ToString() => Reverse is null ? Forward ?? "---" : $"{Forward}:{Reverse}";
}

/// <summary>A pattern of a verb block: words around the verb (<c>*</c>) that select a more precise code.</summary>
public sealed record VerbPattern(string Family, IReadOnlyList<PatternElement> Pre, IReadOnlyList<PatternElement> Post, bool VerbJoinedToPre, VerbCode Code, string Text, int Order)
{
    /// <summary>Number of words the pattern requires: more words, more specific.</summary>
    public int Weight { get; } = Pre.Concat(Post).Count(e => e.Kind != PatternElementKind.Skip);

    /// <summary>Single words the sentence must contain for the pattern to match: a cheap test before the real one.</summary>
    public IReadOnlyList<string> RequiredWords { get; } = [.. Pre.Concat(Post).Where(e => e.Kind == PatternElementKind.Words && e.Alternatives.Length == 1 && e.Alternatives[0].Length == 1).Select(e => e.Alternatives[0][0])];

    /// <summary>The <see cref="RequiredWords"/> as dictionary word numbers.</summary>
    internal int[] RequiredNumbers { get; } = [.. Pre.Concat(Post).Where(e => e.Kind == PatternElementKind.Words && e.Alternatives.Length == 1 && e.Alternatives[0].Length == 1).Select(e => e.Numbers[0][0])];
}

/// <summary>A verb block: a family of synonymous verbs sharing a default code and patterns.</summary>
public sealed class VerbFamily(string name, VerbCode? code)
{
    /// <summary>The block's name ("CONDEMN").</summary>
    public string Name { get; } = name;

    /// <summary>The default code of the block, or null.</summary>
    public VerbCode? Code { get; } = code;

    /// <summary>
    /// Whether "X and Y &lt;verb&gt;" with no other actor means X and Y act on each other ("signed", "met"): true,
    /// false, or null when the dictionary does not say (PETRARCH files), in which case the coder assumes it does.
    /// </summary>
    public bool? Mutual { get; set; }

    /// <summary>The block's patterns in file order.</summary>
    public List<VerbPattern> Patterns { get; } = [];
}

/// <summary>One inflected form of a verb in the dictionary ("condemned", "cordoned off").</summary>
/// <param name="Lemma">The dictionary entry it was generated from.</param>
/// <param name="Family">Its block.</param>
/// <param name="Code">A code of its own that overrides the block's default, or null.</param>
/// <param name="VerbWord">Index of the verb among the form's words ("wire TAPPED" is 1).</param>
/// <param name="Words">The form's words.</param>
public sealed record VerbForm(string Lemma, VerbFamily Family, VerbCode? Code, int VerbWord, string[] Words)
{
    /// <summary>The code when no pattern matches.</summary>
    public VerbCode? DefaultCode => Code ?? Family.Code;
}

/// <summary>
/// A verb dictionary in the PETRARCH format (<c>CAMEO.2.0.txt</c>, <c>PETR.Validate.verbs.txt</c>): synonym sets
/// (<c>&amp;NAME</c> then <c>+PHRASE</c> lines), verb blocks (<c>--- NAME [code] ---</c>), verbs with optional
/// irregular forms in braces and multi-word verbs marked with '+', patterns (<c>- PRE * POST [code]</c>) using
/// <c>$</c> source, <c>+</c> target, <c>%</c> compound, <c>^</c> skip, <c>&amp;SET</c> synonym sets and '_' for
/// adjacent words. Regular forms (-s, -ed, -ing) are generated.
/// </summary>
public sealed class VerbDictionary
{
    private readonly PhraseTrie<VerbForm> _forms = new();
    private readonly Dictionary<string, List<string>> _synsetRaw = new(StringComparer.Ordinal);
    private readonly List<(VerbFamily Family, string Pattern, string Code)> _pendingPatterns = [];
    private readonly List<VerbFamily> _families = [];
    private int _order;

    /// <summary>Number of verb forms.</summary>
    public int FormCount => _forms.Count;

    /// <summary>The verb blocks in file order.</summary>
    public IReadOnlyList<VerbFamily> Families => _families;

    /// <summary>Loads a verb dictionary file.</summary>
    public static VerbDictionary Load(string path)
    {
        using var r = new StreamReader(path);
        return Parse(r);
    }

    /// <summary>Parses a verb dictionary text.</summary>
    public static VerbDictionary Parse(TextReader reader)
    {
        var d = new VerbDictionary();
        d.Read(reader);
        d.Complete();
        return d;
    }

    /// <summary>The longest verb form starting at token <paramref name="start"/>; 0 when none.</summary>
    public int Match(ReadOnlySpan<KeyedToken> tokens, int start, out VerbForm? form) => _forms.Longest(tokens, start, out form);

    /// <summary>The same over the sentence's word numbers (<see cref="DictionaryWords"/>).</summary>
    internal int Match(ReadOnlySpan<int> words, int start, out VerbForm? form) => _forms.Longest(words, start, out form);

    /// <summary>The form of exactly this phrase, or null.</summary>
    public VerbForm? Lookup(string phrase) => _forms.Get(CoderTokens.PhraseWords(phrase));

    /// <summary>Adds a verb block from the built-in lexicon.</summary>
    internal VerbFamily AddFamily(string name, VerbCode? code)
    {
        var f = new VerbFamily(name, code);
        _families.Add(f);
        return f;
    }

    /// <summary>Adds a verb (with its regular forms) to a block.</summary>
    internal void AddVerb(VerbFamily family, string verbLine, VerbCode? code, IEnumerable<string>? irregular = null)
    {
        // A verb listed again in a later block takes that block's code and patterns (later entries refine earlier ones).
        foreach (var (words, verbWord) in FormsOf(verbLine, irregular)) _forms.Add(words, new VerbForm(verbLine, family, code, verbWord, words), replace: true);
    }

    /// <summary>Adds a pattern to a block (call <see cref="Complete"/> after the last).</summary>
    internal void AddPattern(VerbFamily family, string pattern, string code) => _pendingPatterns.Add((family, pattern, code));

    /// <summary>Adds a synonym set.</summary>
    internal void AddSynset(string name, IEnumerable<string> members) => _synsetRaw[NormalizeSet(name)] = [.. members];

    internal void Read(TextReader reader)
    {
        VerbFamily? family = null;
        string? synset = null;
        foreach (var raw in DictionaryText.Lines(reader))
        {
            var line = DictionaryText.Clean(raw);
            if (line.Length == 0) { synset = null; continue; }
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                synset = null;
                var inner = line.Trim('-', ' ', '\t');
                var b = inner.IndexOf('[', StringComparison.Ordinal);
                var name = (b < 0 ? inner : inner[..b]).Trim();
                VerbCode? code = null;
                if (b >= 0)
                {
                    var e = inner.IndexOf(']', b);
                    if (e > b) code = VerbCode.Parse(inner[(b + 1)..e]);
                }
                family = AddFamily(name, code);
                continue;
            }
            if (line[0] == '&')
            {
                synset = NormalizeSet(line.Split(' ', '\t')[0]);
                _synsetRaw[synset] = [];
                family = null;
                continue;
            }
            if (synset is not null && line[0] == '+')
            {
                _synsetRaw[synset].Add(line[1..].Trim());
                continue;
            }
            if (family is null) continue;
            if (line[0] == '-')
            {
                var b = line.LastIndexOf('[');
                var e = line.LastIndexOf(']');
                if (b < 0 || e < b) continue;
                _pendingPatterns.Add((family, line[1..b].Trim(), line[(b + 1)..e]));
                continue;
            }
            // A verb line: VERB, VERB [code], VERB {FORMS}, +MULTI_WORD {+FORMS}, WIRE_+TAP {...}.
            var cb = line.IndexOf('[', StringComparison.Ordinal);
            VerbCode? own = null;
            var head = line;
            if (cb >= 0)
            {
                var ce = line.IndexOf(']', cb);
                if (ce > cb) own = VerbCode.Parse(line[(cb + 1)..ce]);
                head = line[..cb];
            }
            string[]? irregular = null;
            var ob = head.IndexOf('{', StringComparison.Ordinal);
            if (ob >= 0)
            {
                var oe = head.IndexOf('}', ob);
                // CAMEO.2.0.txt separates some forms with commas ("{+CRACKED_DOWN , +CRACKS_DOWN}"): a comma is never a form.
                irregular = oe > ob ? head[(ob + 1)..oe].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) : [];
                head = head[..ob];
            }
            head = head.Trim();
            if (head.Length == 0) continue;
            AddVerb(family, head, own, irregular);
        }
    }

    /// <summary>Resolves synonym sets inside patterns; call once after all entries are added.</summary>
    internal void Complete()
    {
        var resolved = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        foreach (var (family, pattern, code) in _pendingPatterns)
        {
            var p = ParsePattern(family.Name, pattern, VerbCode.Parse(code) ?? new VerbCode(null, null), resolved);
            if (p is not null) family.Patterns.Add(p);
        }
        _pendingPatterns.Clear();
    }

    private VerbPattern? ParsePattern(string family, string text, VerbCode code, Dictionary<string, string[][]> resolved)
    {
        var cleaned = text.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal);
        var elements = new List<PatternElement>();
        var star = -1;
        var starJoined = false;
        foreach (var chunk in cleaned.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = chunk.Split('_', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 0; k < parts.Length; k++)
            {
                var part = parts[k].ToUpperInvariant();
                var joined = k > 0;
                if (part == "*")
                {
                    star = elements.Count;
                    starJoined = joined;
                    // An element right after "*_" must follow the verb directly: mark via a sentinel.
                    elements.Add(new PatternElement(PatternElementKind.Skip, [], joined, "*"));
                    continue;
                }
                var el = part switch
                {
                    "$" => new PatternElement(PatternElementKind.Source, [], joined, part),
                    "+" => new PatternElement(PatternElementKind.Target, [], joined, part),
                    "%" => new PatternElement(PatternElementKind.Compound, [], joined, part),
                    "^" => new PatternElement(PatternElementKind.Skip, [], joined, part),
                    _ when part.StartsWith('&') => new PatternElement(PatternElementKind.Words, Synset(part, resolved, 0), joined, part),
                    _ => new PatternElement(PatternElementKind.Words, [[part]], joined, part),
                };
                elements.Add(el);
            }
        }
        if (star < 0) return null;
        var pre = elements.Take(star).ToArray();
        var post = elements.Skip(star + 1).ToArray();
        return new VerbPattern(family, pre, post, starJoined, code, text, _order++);
    }

    private string[][] Synset(string name, Dictionary<string, string[][]> resolved, int depth)
    {
        var key = NormalizeSet(name);
        if (resolved.TryGetValue(key, out var done)) return done;
        if (!_synsetRaw.TryGetValue(key, out var members) || depth > 8) return [[key]];
        var list = new List<string[]>();
        foreach (var m in members)
        {
            if (m.StartsWith('&')) list.AddRange(Synset(m, resolved, depth + 1));
            else
            {
                var words = CoderTokens.PhraseWords(m);
                if (words.Length > 0) list.Add(words);
            }
        }
        var arr = list.ToArray();
        resolved[key] = arr;
        return arr;
    }

    private static string NormalizeSet(string name) => name.Trim().TrimStart('&').TrimEnd('_').ToUpperInvariant();

    /// <summary>The forms of a verb line: its words with the verb marked, regular inflections and the listed irregular ones.</summary>
    private static IEnumerable<(string[] Words, int VerbWord)> FormsOf(string head, IEnumerable<string>? irregular)
    {
        var (words, verbWord) = SplitVerb(head);
        if (words.Length == 0) yield break;
        yield return (words, verbWord);
        foreach (var inflected in Inflect(words[verbWord]))
        {
            var copy = (string[])words.Clone();
            copy[verbWord] = inflected;
            yield return (copy, verbWord);
        }
        if (irregular is null) yield break;
        foreach (var form in irregular)
        {
            var (w, v) = SplitVerb(form);
            if (w.Length > 0) yield return (w, Math.Min(v, w.Length - 1));
        }
    }

    private static (string[] Words, int VerbWord) SplitVerb(string phrase)
    {
        var raw = phrase.ToUpperInvariant().Replace(' ', '_').Split('_', StringSplitOptions.RemoveEmptyEntries);
        var verbWord = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].StartsWith('+')) { verbWord = i; raw[i] = raw[i][1..]; }
        }
        var words = raw.Where(w => w.Length > 0).ToArray();
        return (words, Math.Min(verbWord, Math.Max(0, words.Length - 1)));
    }

    private static bool IsConsonant(char c) => char.IsLetter(c) && "AEIOU".IndexOf(c, StringComparison.Ordinal) < 0;

    /// <summary>Regular inflections: -s/-es/-ies, -ed/-d/-ied, -ing (dropping a final e).</summary>
    internal static IEnumerable<string> Inflect(string w)
    {
        if (w.Length < 2) yield break;
        var last = w[^1];
        var vowelBeforeY = w.Length > 1 && "AEIOU".Contains(w[^2], StringComparison.Ordinal);
        if (last == 'Y' && !vowelBeforeY) { yield return w[..^1] + "IES"; yield return w[..^1] + "IED"; yield return w + "ING"; yield break; }
        if (last == 'S' || last == 'X' || last == 'Z' || w.EndsWith("CH", StringComparison.Ordinal) || w.EndsWith("SH", StringComparison.Ordinal)) yield return w + "ES";
        else yield return w + "S";
        if (last == 'E') { yield return w + "D"; yield return w[..^1] + "ING"; }
        else { yield return w + "ED"; yield return w + "ING"; }
        // Short consonant-vowel-consonant verbs double the last letter: ban -> banned, stop -> stopping.
        if (w.Length >= 5 && (w.EndsWith("PEL", StringComparison.Ordinal) || w.EndsWith("MIT", StringComparison.Ordinal) || w.EndsWith("GRET", StringComparison.Ordinal) || w.EndsWith("FER", StringComparison.Ordinal) || w.EndsWith("CUR", StringComparison.Ordinal) || w.EndsWith("TROL", StringComparison.Ordinal)))
        {
            // Stressed final syllables double too: expel -> expelled, admit -> admitted, refer -> referred.
            yield return w + last + "ED";
            yield return w + last + "ING";
        }
        if (w.Length is >= 3 and <= 4 && IsConsonant(w[^1]) && w[^1] is not ('W' or 'X' or 'Y') && !IsConsonant(w[^2]) && IsConsonant(w[^3]))
        {
            yield return w + last + "ED";
            yield return w + last + "ING";
        }
    }
}
