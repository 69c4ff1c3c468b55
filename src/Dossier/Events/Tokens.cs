using System.Globalization;
using System.Text;
using Dossier.Events.Dictionaries;
using Dossier.Vocabulary;

namespace Dossier.Events;

/// <summary>A token of a sentence with its upper-case form for dictionary lookups.</summary>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Key">Upper-case form used for dictionary lookups ("'S" for a possessive, "N'T" for a negation).</param>
/// <param name="Capitalized">True when the word starts with an upper-case letter in the text.</param>
public readonly record struct KeyedToken(int Start, int Length, string Key, bool Capitalized)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;
}

/// <summary>
/// The coder's tokens: the one <see cref="Tokenizer"/> under <see cref="TokenRules.Events"/> (treebank-style
/// contractions, "didn't" is DID + N'T; possessives apart, "Gondor's" is GONDOR + 'S; abbreviations and hyphenated
/// words whole, "U.S.", "anti-Gondor"), each with the upper-case key the dictionaries are looked up by.
/// </summary>
public static class CoderTokens
{
    /// <summary>Tokenizes <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static KeyedToken[] Tokenize(string text, int start, int end) => Tokenize(text, start, end, null);

    /// <summary>Tokenizes and gives each token's dictionary word number (<see cref="DictionaryWords"/>) in <paramref name="words"/>.</summary>
    internal static KeyedToken[] Tokenize(string text, int start, int end, out int[] words)
    {
        var numbers = t_words ??= new List<int>(64);
        numbers.Clear();
        var tokens = Tokenize(text, start, end, numbers);
        words = [.. numbers];
        return tokens;
    }

    // The lists a sentence is gathered in, one of each per thread: only the exact-size arrays are new per sentence.
    [ThreadStatic] private static List<KeyedToken>? t_tokens;
    [ThreadStatic] private static List<int>? t_words;

    private static KeyedToken[] Tokenize(string text, int start, int end, List<int>? words)
    {
        var tokens = t_tokens ??= new List<KeyedToken>(64);
        tokens.Clear();
        var shared = TextWords.Of(text);
        var i = start;
        while (Tokenizer.Next<TokenRules.Events>(text, ref i, end, out var token))
        {
            switch (token.Kind)
            {
                case TokenKind.Word or TokenKind.Number:
                    AddWord(text, token, tokens, words, shared);
                    break;
                case TokenKind.Possessive:
                    Add(tokens, words, new KeyedToken(token.Start, 2, "'S", false));
                    break;
                case TokenKind.Negation:
                    Add(tokens, words, new KeyedToken(token.Start, 3, "N'T", false));
                    break;
                default:
                    // Marks: one character, a doubled backtick (an opening quote) or an entity kept whole so that it never matches a word.
                    var key = token.Length == 1 ? Punctuation(text[token.Start]) : text[token.Start] == '`' ? "\"" : text.Substring(token.Start, token.Length).ToUpperInvariant();
                    Add(tokens, words, new KeyedToken(token.Start, token.Length, key, false));
                    break;
            }
        }

        return [.. tokens];
    }

    private static void Add(List<KeyedToken> tokens, List<int>? words, KeyedToken token)
    {
        tokens.Add(token);
        words?.Add(DictionaryWords.Of(token.Key));
    }

    private static void AddWord(string text, Token token, List<KeyedToken> tokens, List<int>? words, TextWords? shared)
    {
        var (from, to) = (token.Start, token.End);
        var key = shared?.At(text, from, to) is { } entry ? Upper(entry, text, from, to) : Upper(text, from, to);
        tokens.Add(new KeyedToken(from, token.Length, key.Key, char.IsUpper(text[from])));
        words?.Add(key.WordNumber());
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
