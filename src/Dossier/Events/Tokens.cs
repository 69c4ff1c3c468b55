using System.Globalization;
using System.Text;
using Dossier.Events.Dictionaries;
using Dossier.Vocabulary;

namespace Dossier.Events;

/// <summary>A word or punctuation mark of a sentence: where it stands and its upper-case form for lookups.</summary>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Key">Upper-case form used for dictionary lookups ("'S" for a possessive, "N'T" for a negation).</param>
/// <param name="Capitalized">True when the word starts with an upper-case letter in the text.</param>
public readonly record struct Token(int Start, int Length, string Key, bool Capitalized)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;
}

/// <summary>
/// Splits a sentence into words the way the dictionaries expect them: treebank-style contractions
/// ("didn't" is DID + N'T), possessives apart ("Gondor's" is GONDOR + 'S), abbreviations kept whole
/// ("U.S."), hyphenated words kept whole.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static Token[] Tokenize(string text, int start, int end) => Tokenize(text, start, end, null);

    /// <summary>Tokenizes and gives each token's dictionary word number (<see cref="DictionaryWords"/>) in <paramref name="words"/>.</summary>
    internal static Token[] Tokenize(string text, int start, int end, out int[] words)
    {
        var numbers = t_words ??= new List<int>(64);
        numbers.Clear();
        var tokens = Tokenize(text, start, end, numbers);
        words = [.. numbers];
        return tokens;
    }

    // The lists a sentence is gathered in, one of each per thread: only the exact-size arrays are new per sentence.
    [ThreadStatic] private static List<Token>? t_tokens;
    [ThreadStatic] private static List<int>? t_words;

    private static Token[] Tokenize(string text, int start, int end, List<int>? words)
    {
        var tokens = t_tokens ??= new List<Token>(64);
        tokens.Clear();
        var shared = TextWords.Of(text);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '_') { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    if (char.IsLetterOrDigit(d)) { j++; continue; }
                    // Internal hyphens, periods in abbreviations and numbers, and & in names stay inside the word.
                    if ((d == '-' || d == '.' || d == ',' || d == '&' || d == '/') && j + 1 < end && char.IsLetterOrDigit(text[j + 1])
                        && (d != ',' || (char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1]))))
                    { j++; continue; }
                    // "anti- Gondor": a dangling hyphen belongs to the word before.
                    if (d == '-' && (j + 1 >= end || char.IsWhiteSpace(text[j + 1]))) { j++; break; }
                    break;
                }
                // Abbreviation with a final period ("U.S.", "K.U."): keep the period when the word has one inside.
                if (j < end && text[j] == '.' && HasInnerPeriod(text, i, j)) j++;
                i = AddWord(text, i, j, tokens, words, shared);
                continue;
            }
            if ((c == '\'' || c == '\u2019') && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])))
            {
                Add(tokens, words, new Token(i, 2, "'S", false));
                i += 2;
                continue;
            }
            if (c == '&' && i + 1 < end && char.IsLetter(text[i + 1]))
            {
                // Entities such as "&amp;" are kept as one token so that they never match a word.
                var j = i + 1;
                while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] == ';')) j++;
                Add(tokens, words, new Token(i, j - i, text.Substring(i, j - i).ToUpperInvariant(), false));
                i = j;
                continue;
            }
            var len = 1;
            if (c == '`' && i + 1 < end && text[i + 1] == '`') len = 2;
            Add(tokens, words, new Token(i, len, len == 1 ? Punctuation(c) : "\"", false));
            i += len;
        }
        return [.. tokens];
    }

    private static bool HasInnerPeriod(string text, int from, int to)
    {
        for (var k = from; k < to; k++) if (text[k] == '.') return true;
        // Single capital letter followed by a period ("W." in a name).
        return to - from == 1 && char.IsUpper(text[from]);
    }

    private static void Add(List<Token> tokens, List<int>? words, Token token)
    {
        tokens.Add(token);
        words?.Add(DictionaryWords.Of(token.Key));
    }

    private static int AddWord(string text, int from, int to, List<Token> tokens, List<int>? words, TextWords? shared)
    {
        var cap = char.IsUpper(text[from]);
        // Contractions: "didn't" -> DID N'T, "can't" -> CA N'T, "won't" -> WO N'T (treebank forms the dictionaries use).
        var length = to - from;
        if (length >= 3 && to < text.Length - 1 && (text[to] == '\'' || text[to] == '\u2019') && (text[to - 1] == 'n' || text[to - 1] == 'N')
            && (text[to + 1] == 't' || text[to + 1] == 'T') && (to + 2 >= text.Length || !char.IsLetter(text[to + 2])))
        {
            var stem = Upper(text, from, to - 1);
            tokens.Add(new Token(from, length - 1, stem.Key, cap));
            words?.Add(stem.WordNumber());
            Add(tokens, words, new Token(to - 1, 3, "N'T", false));
            return to + 2;
        }
        var key = shared?.At(text, from, to) is { } entry ? Upper(entry, text, from, to) : Upper(text, from, to);
        tokens.Add(new Token(from, length, key.Key, cap));
        words?.Add(key.WordNumber());
        return to;
    }

    /// <summary>
    /// A word's upper-case key and its dictionary number, as numbered when <paramref name="Version"/> words were: a
    /// word no dictionary used then may be one now, when dictionaries were loaded since (numbers never change).
    /// </summary>
    private readonly record struct KeyEntry(string Key, int Word, int Version)
    {
        public int WordNumber() => Word != DictionaryWords.None || Version == DictionaryWords.Version ? Word : DictionaryWords.Of(Key);
    }

    // Upper-case keys are shared across sentences: the vocabulary of news is small, and a lookup without
    // allocation is cheaper than a new string per token. The entry carries the word's dictionary number, so the
    // coder's tries need no second lookup. Bounded so that odd input cannot grow it forever.
    private static readonly BoundedMemo<KeyEntry> s_keys = new(200_000, StringComparer.OrdinalIgnoreCase);

    /// <summary>The key of a word the article's one scan (<see cref="TextWords"/>) found: kept with its shared entry, so no memo lookup of our own.</summary>
    private static KeyEntry Upper(WordEntry entry, string text, int from, int to)
    {
        if (Volatile.Read(ref entry.EventsKey) is { } known)
        {
            var packed = entry.EventsNumber;
            return new KeyEntry(known, unchecked((int)packed), unchecked((int)(packed >> 32)));
        }

        var key = Upper(text, from, to);
        entry.EventsNumber = unchecked(((long)key.Version << 32) | (uint)key.Word);
        Volatile.Write(ref entry.EventsKey, key.Key);
        return key;
    }

    private static KeyEntry Upper(string text, int from, int to)
    {
        var span = text.AsSpan(from, to - from);
        if (s_keys.TryGetValue(span, out var cached)) return cached;
        var version = DictionaryWords.Version;
        var key = UpperUncached(text, from, to);
        var entry = new KeyEntry(key, DictionaryWords.Of(key), version);
        s_keys.Remember(key, entry);
        return entry;
    }

    private static string UpperUncached(string text, int from, int to)
    {
        var span = text.AsSpan(from, to - from);
        var allUpper = true;
        foreach (var ch in span) if (char.IsLower(ch)) { allUpper = false; break; }
        return allUpper ? span.ToString() : string.Create(span.Length, (text, from), static (dst, st) =>
        {
            for (var k = 0; k < dst.Length; k++) dst[k] = char.ToUpperInvariant(st.text[st.from + k]);
        });
    }

    // One string per ASCII mark rather than a new one per token.
    private static readonly string[] s_ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>The key of a one-character mark: curly quotes read as straight ones.</summary>
    private static string Punctuation(char c) => c switch
    {
        '\u201C' or '\u201D' => "\"",
        '\u2018' or '\u2019' => "'",
        < (char)128 => s_ascii[c],
        _ => c.ToString(),
    };

    /// <summary>Splits a dictionary phrase ("PRIME_MINISTER", "DID N'T") into its upper-case words.</summary>
    public static string[] PhraseWords(string phrase)
    {
        var parts = phrase.ToUpperInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var list = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            // Dictionary phrases write possessives joined ("GONDOR'S"): split them like the text.
            if (p.Length > 2 && p.EndsWith("'S", StringComparison.Ordinal)) { list.Add(p[..^2]); list.Add("'S"); }
            else list.Add(p);
        }
        return [.. list];
    }

    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Normalize(NormalizationForm.FormC)) sb.Append(char.ToUpper(ch, CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
