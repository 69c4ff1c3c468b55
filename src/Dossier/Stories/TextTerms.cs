using System.Buffers;
using System.Text;
using Dossier.Model;
using Dossier.Vocabulary;

namespace Dossier.Stories;

/// <summary>A word of a text: its characters and its lower-cased surface form.</summary>
internal readonly record struct Word(TextSpan Span, WordForm Form)
{
    public int Start => Span.Start;
    public int End => Span.End;

    /// <summary>The lower-cased surface form (null for the default word, which callers use for "none").</summary>
    public string Lower => Form?.Lower!;

    /// <summary>The content terms of the word (<see cref="TextTerms.Terms"/>).</summary>
    public string[] Terms => Form.Terms;
}

/// <summary>
/// A lower-cased word form, shared by every occurrence of it (<see cref="TextTerms.Words"/> keeps one per form), with
/// its content terms folded on first use: a word then costs one lookup, where its form and its terms were two.
/// </summary>
internal sealed class WordForm(string lower) : IEquatable<WordForm>
{
    private string[]? terms;

    /// <summary>The lower-cased form.</summary>
    public string Lower { get; } = lower;

    /// <summary>The content terms of the form (a pure function of it: a race folds it twice, to the same terms).</summary>
    public string[] Terms => terms ??= TextTerms.Terms(Lower);

    public bool Equals(WordForm? other) => other is not null && string.Equals(Lower, other.Lower, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as WordForm);

    public override int GetHashCode() => Lower.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Lower;
}

/// <summary>
/// Words and content terms. A content term is a word that is not a function word, lower-cased, with British
/// spelling folded to American, lightly stemmed and mapped through the synonym list, so that
/// "organisations", "organizations" and "groups" meet, and "neighbourliness" meets "neighborly".
/// </summary>
internal static class TextTerms
{
    /// <summary>The words of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>: runs of letters and digits, joined across inner hyphens, dots and commas of numbers.</summary>
    public static List<Word> Words(string text, int start = 0, int end = -1)
    {
        if (end < 0)
        {
            end = text.Length;
        }

        // About one word per six characters in prose: sized once instead of grown by copying.
        var words = new List<Word>(Math.Max(4, (end - start) / 6));
        var shared = TextWords.Of(text);
        var i = start;
        while (NextWord(text, ref i, end, out var s, out var e))
        {
            var form = shared?.At(text, s, e) is { } entry ? Lower(entry) : Lower(text.AsSpan(s, e - s));
            words.Add(new Word(TextSpan.FromBounds(s, e), form));
        }

        return words;
    }

    /// <summary>How many words <see cref="Words"/> finds between <paramref name="start"/> and <paramref name="end"/>, without making them.</summary>
    public static int CountWords(string text, int start, int end)
    {
        var count = 0;
        var i = start;
        while (NextWord(text, ref i, end, out _, out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The next word at or after <paramref name="i"/>, as its bounds; <paramref name="i"/> moves past it. Words are the
    /// one <see cref="Tokenizer"/>'s words and numbers under <see cref="TokenRules.Terms"/>; marks and possessives
    /// ("Kabul's" is Kabul) are passed over.
    /// </summary>
    private static bool NextWord(string text, ref int i, int end, out int start, out int stop)
    {
        var found = Tokenizer.NextWord<TokenRules.Terms>(text, ref i, end, out var token);
        (start, stop) = (token.Start, token.End);
        return found;
    }

    // Word forms repeat endlessly across a stream; folding each once is the single largest saving in grouping.
    private const int MemoLimit = 1 << 20;
    private static readonly BoundedMemo<string[]> Memo = new(MemoLimit);

    // The lower-cased forms themselves, shared, for the same reason: every Words call otherwise made two strings
    // per word (the slice and its lower case), most of what fusing and grouping allocated.
    private static readonly BoundedMemo<WordForm> LowerForms = new(MemoLimit);

    /// <summary>The lower-cased form of a word the article's one scan found, kept with its entry (no memo lookup of our own).</summary>
    private static WordForm Lower(WordEntry entry)
    {
        if (entry.Stories is WordForm known)
        {
            return known;
        }

        var form = Lower(entry.Surface);
        entry.Stories = form;
        return form;
    }

    /// <summary><paramref name="word"/> lower-cased (invariant), as a shared form when it was seen before.</summary>
    private static WordForm Lower(ReadOnlySpan<char> word)
    {
        var lower = word.Length <= 64 ? stackalloc char[64] : new char[word.Length];
        lower = lower[..word.Length];

        // Most words are ASCII, whose vectorised lower-casing gives what invariant lower-casing gives; the invariant
        // casing of the globalization-invariant runtime goes character by character.
        if (Ascii.ToLower(word, lower, out _) != OperationStatus.Done)
        {
            word.ToLowerInvariant(lower);
        }

        if (LowerForms.TryGetValue(lower, out var known))
        {
            return known;
        }

        var form = new WordForm(lower.ToString());
        LowerForms.Remember(form.Lower, form);
        return form;
    }

    /// <summary>The content terms of one lower-cased word (none for a function word, several for a compound such as "counter-terrorism").</summary>
    public static string[] Terms(string lower)
    {
        if (Memo.TryGetValue(lower, out var known))
        {
            return known;
        }

        var terms = Fold(lower).ToArray();
        Memo.Remember(lower, terms);
        return terms;
    }

    private static IEnumerable<string> Fold(string lower)
    {
        if (Lexicon.Stopwords.Contains(lower))
        {
            return [];
        }

        if (Lexicon.Synonyms.TryGetValue(lower, out var direct))
        {
            return direct;
        }

        if (lower.Contains('-', StringComparison.Ordinal) && !char.IsDigit(lower[0]))
        {
            // "two-state" gives "two", "state" and the compound itself, which matches only another "two-state".
            var parts = lower.Split('-', StringSplitOptions.RemoveEmptyEntries);
            return parts.SelectMany(Terms).Append(string.Concat(parts));
        }

        var stem = Stem(American(lower));
        if (Lexicon.Synonyms.TryGetValue(stem, out var mapped))
        {
            return mapped;
        }

        return stem.Length < 2 && !char.IsDigit(stem[0]) ? [] : [stem];
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="tokens"/> as consecutive whole words.</summary>
    public static bool ContainsPhrase(IReadOnlyList<string> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            var all = true;
            for (var k = 0; k < phrase.Length && all; k++)
            {
                all = tokens[i + k] == phrase[k];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All content terms of a text, in order.</summary>
    public static List<string> ContentTerms(string text, int start = 0, int end = -1) => ContentTerms(Words(text, start, end));

    /// <summary>All content terms of some words, in order.</summary>
    public static List<string> ContentTerms(List<Word> words)
    {
        var terms = new List<string>(words.Count);
        foreach (var word in words)
        {
            terms.AddRange(word.Terms);
        }

        return terms;
    }

    /// <summary>Folds common British spellings to American ones (applied to both sides, so a rare miss is harmless).</summary>
    public static string American(string w)
    {
        if (w.Length < 5 || char.IsDigit(w[0]))
        {
            return w;
        }

        var b = new StringBuilder(w);
        b.Replace("isation", "ization").Replace("iour", "ior").Replace("bour", "bor").Replace("vour", "vor").Replace("lour", "lor").Replace("nour", "nor").Replace("mour", "mor");
        var s = b.ToString();
        foreach (var (british, american) in (ReadOnlySpan<(string, string)>)[("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("ise", "ize"), ("ntre", "nter"), ("ntred", "ntered"), ("ogue", "og")])
        {
            if (s.EndsWith(british, StringComparison.Ordinal) && s.Length > british.Length + 3)
            {
                return s[..^british.Length] + american;
            }
        }

        return s;
    }

    /// <summary>A light suffix stripper: enough to meet "agreed" with "agree" and "commitments" with "commitment", not a full Porter stemmer.</summary>
    public static string Stem(string w)
    {
        if (w.Length <= 3 || char.IsDigit(w[0]))
        {
            return w;
        }

        if (w.EndsWith("iness", StringComparison.Ordinal) && w.Length > 7)
        {
            w = w[..^5] + "y";
        }
        else if (w.EndsWith("ness", StringComparison.Ordinal) && w.Length > 6)
        {
            w = w[..^4];
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        var stripped = false;
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^3];
            stripped = true;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^2];
            stripped = true;
        }
        else if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ment", StringComparison.Ordinal) && w.Length > 7)
        {
            w = w[..^4];
        }

        if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^2];
        }

        // "committed" -> "committ" -> "commit"; "travelled" -> "travel".
        if (stripped && w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('s' or 'z' or 'e' or 'o'))
        {
            w = w[..^1];
        }

        if (w.EndsWith('e') && w.Length > 4)
        {
            w = w[..^1];
        }

        return w;
    }
}
