using System.Runtime.CompilerServices;

namespace Dossier.Vocabulary;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    /// <summary>A word that starts with a letter, possibly with digits and the joins its rules allow (U.S., anti-Gondor, O'Brien).</summary>
    Word,

    /// <summary>A word that starts with a digit: 3.5, 1,200, 7th.</summary>
    Number,

    /// <summary>The possessive <c>'s</c>, split from its noun so that "China's" yields "China".</summary>
    Possessive,

    /// <summary>The negation <c>n't</c>, split from its verb ("didn't" is "did" and "n't"), under <see cref="ITokenRules.Negations"/>.</summary>
    Negation,

    /// <summary>A quotation mark, straight or curly, single or double (and a doubled backtick under <see cref="ITokenRules.Symbols"/>).</summary>
    Quote,

    /// <summary>Any other mark that is not white space (and an HTML entity such as "&amp;amp;" under <see cref="ITokenRules.Symbols"/>).</summary>
    Punct,
}

/// <summary>A token: a span of the text and its kind. Tokens are never copied strings.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;

    /// <summary>True for a word or a number.</summary>
    public bool IsWord => Kind <= TokenKind.Number;
}

/// <summary>
/// Which joins a stage keeps inside a word. The scan is one (<see cref="Tokenizer"/>); what differs between stages is
/// only which marks between two letters or digits stay inside a word, and each difference has a reason:
/// <list type="bullet">
/// <item>The language stage matches names word by word ("Pakistan-China" must give two countries) and keeps
/// "O'Brien" and "U.S." whole (<see cref="TokenRules.Language"/>).</item>
/// <item>The event coder matches dictionary phrases written the PETRARCH way: compounds and symbols whole
/// ("anti-Gondor", "AT&amp;T", "and/or"), contractions in treebank form ("did n't") (<see cref="TokenRules.Events"/>).</item>
/// <item>Grouping compares content terms: compounds whole (their parts are folded out of them later), every other
/// mark a break (<see cref="TokenRules.Terms"/>).</item>
/// </list>
/// Everything else is common: white space and underscores separate; a decimal point or thousands comma between
/// digits joins; "'s" after a word is a possessive of its own; other marks are tokens of one character.
/// </summary>
/// <remarks>
/// Rules are types, not values: the scan is generic over them, so the JIT compiles one scan per stage with each rule
/// a constant and the joins a stage does not make compiled away. The coder and grouping tokenize every sentence of
/// every report; with the rules as a record read per character, the one scan cost 5% of a run's CPU more than the
/// three it replaced.
/// </remarks>
public interface ITokenRules
{
    /// <summary>An inner hyphen between letters or digits stays inside the word ("anti-Gondor", "two-state").</summary>
    static abstract bool Compounds { get; }

    /// <summary>
    /// The coder's symbols: '.', '&amp;' and '/' before a letter or digit join ("U.S", "AT&amp;T", "and/or"); a word with an
    /// inner period or a single capital takes the period after it ("U.S.", "W."); a hyphen before a space stays with its
    /// word ("anti- Gondor"); an HTML entity ("&amp;amp;") and a doubled backtick are one token each.
    /// </summary>
    static abstract bool Symbols { get; }

    /// <summary>Dotted initials from the start of a word are one word with their last period ("U.S.", "e.g.").</summary>
    static abstract bool Initials { get; }

    /// <summary>An apostrophe before a letter stays inside the word ("O'Brien", "didn't").</summary>
    static abstract bool Apostrophes { get; }

    /// <summary>"n't" after a word of two letters or more is a token of its own ("did", "n't"; "ca", "n't").</summary>
    static abstract bool Negations { get; }

    /// <summary>A colon between digits joins ("10:30").</summary>
    static abstract bool ClockTimes { get; }
}

/// <summary>The rules of each stage (<see cref="ITokenRules"/>).</summary>
public static class TokenRules
{
    /// <summary>The language stage's rules: names word by word.</summary>
    public readonly struct Language : ITokenRules
    {
        public static bool Compounds => false;
        public static bool Symbols => false;
        public static bool Initials => true;
        public static bool Apostrophes => true;
        public static bool Negations => false;
        public static bool ClockTimes => true;
    }

    /// <summary>The event coder's rules: the dictionaries' phrases.</summary>
    public readonly struct Events : ITokenRules
    {
        public static bool Compounds => true;
        public static bool Symbols => true;
        public static bool Initials => false;
        public static bool Apostrophes => false;
        public static bool Negations => true;
        public static bool ClockTimes => false;
    }

    /// <summary>Grouping's and fusion's rules: content words.</summary>
    public readonly struct Terms : ITokenRules
    {
        public static bool Compounds => true;
        public static bool Symbols => false;
        public static bool Initials => false;
        public static bool Apostrophes => false;
        public static bool Negations => false;
        public static bool ClockTimes => false;
    }
}

/// <summary>
/// The one tokenizer: splits text into tokens with offsets, in one pass, without allocating strings. Every stage
/// tokenizes through it, each with its <see cref="ITokenRules"/>.
/// </summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/> under the language stage's rules.</summary>
    public static Token[] Tokenize(string text) => Tokenize<TokenRules.Language>(text, 0, text.Length);

    /// <summary>The tokens of the part of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> under the language stage's rules.</summary>
    public static Token[] Tokenize(string text, int start, int end) => Tokenize<TokenRules.Language>(text, start, end);

    /// <summary>The tokens of the part of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> under <typeparamref name="TRules"/>.</summary>
    public static Token[] Tokenize<TRules>(string text, int start, int end)
        where TRules : struct, ITokenRules
    {
        var list = new List<Token>(Math.Max(16, (end - start) / 4)); // news prose runs about 4.5 characters per token
        var i = start;
        while (Next<TRules>(text, ref i, end, out var token))
        {
            list.Add(token);
        }

        return [.. list];
    }

    /// <summary>
    /// The next token at or after <paramref name="i"/> and before <paramref name="end"/>; <paramref name="i"/> moves
    /// past it. False when only white space is left.
    /// </summary>
    public static bool Next<TRules>(string text, ref int i, int end, out Token token)
        where TRules : struct, ITokenRules
    {
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i >= end)
        {
            token = default;
            return false;
        }

        var start = i;
        var c = text[i];
        if (TRules.Negations && IsNegationAt(text, i, end))
        {
            token = new Token(start, 3, TokenKind.Negation);
        }
        else if (char.IsLetterOrDigit(c))
        {
            var stop = ScanWord<TRules>(text, i, end);
            token = new Token(start, stop - start, char.IsDigit(c) ? TokenKind.Number : TokenKind.Word);
        }
        else if (IsApostrophe(c) && IsPossessiveAt(text, i, end))
        {
            token = new Token(start, 2, TokenKind.Possessive);
        }
        else if (TRules.Symbols && c == '&' && i + 1 < end && char.IsLetter(text[i + 1]))
        {
            // Entities such as "&amp;" are one token, so that they never match a word.
            var j = i + 1;
            while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] == ';'))
            {
                j++;
            }

            token = new Token(start, j - start, TokenKind.Punct);
        }
        else if (TRules.Symbols && c == '`' && i + 1 < end && text[i + 1] == '`')
        {
            token = new Token(start, 2, TokenKind.Quote);
        }
        else
        {
            token = new Token(start, 1, IsQuote(c) ? TokenKind.Quote : TokenKind.Punct);
        }

        i = token.End;
        return true;
    }

    /// <summary>
    /// The next word or number at or after <paramref name="i"/> (what <see cref="Next{TRules}"/> gives, less every
    /// other token, which this scan passes over without making it: grouping reads only words, and most marks are
    /// one character); <paramref name="i"/> moves past it. False when no word is left.
    /// </summary>
    public static bool NextWord<TRules>(string text, ref int i, int end, out Token token)
        where TRules : struct, ITokenRules
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '_')
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c) && !(TRules.Negations && IsNegationAt(text, i, end)))
            {
                var stop = ScanWord<TRules>(text, i, end);
                token = new Token(i, stop - i, char.IsDigit(c) ? TokenKind.Number : TokenKind.Word);
                i = stop;
                return true;
            }

            // Passed over whole, as Next cuts them, so that no word starts inside them ("'s", "n't", "&amp;").
            Next<TRules>(text, ref i, end, out _);
        }

        token = default;
        return false;
    }

    /// <summary>True for straight and curly quotation marks and apostrophes.</summary>
    public static bool IsQuote(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>True for the straight and the curly apostrophe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    // The end of the word that starts at i (a letter or digit).
    private static int ScanWord<TRules>(string text, int i, int end)
        where TRules : struct, ITokenRules
    {
        if (TRules.Initials && i + 3 < end && text[i + 1] == '.' && char.IsLetter(text[i]) && char.IsLetter(text[i + 2]) && text[i + 3] == '.')
        {
            var k = i;
            while (k + 1 < end && char.IsLetter(text[k]) && text[k + 1] == '.')
            {
                k += 2;
            }

            return k;
        }

        var j = i + 1;
        var innerPeriod = false;
        while (j < end)
        {
            var d = text[j];
            if (char.IsLetterOrDigit(d) || d == '\u0301')
            {
                j++;
                continue;
            }

            var nextIsWord = j + 1 < end && char.IsLetterOrDigit(text[j + 1]);
            if (IsApostrophe(d))
            {
                // "China's" ends here, and "didn't" under the coder's rules ends before its "n".
                if (IsPossessiveAt(text, j, end))
                {
                    break;
                }

                if (TRules.Negations && j - i >= 3 && IsNegationAt(text, j - 1, end))
                {
                    return j - 1;
                }

                if (TRules.Apostrophes && j + 1 < end && char.IsLetter(text[j + 1]))
                {
                    j++;
                    continue;
                }

                break;
            }

            if (nextIsWord && JoinsInside<TRules>(d, text[j - 1], text[j + 1]))
            {
                innerPeriod |= d == '.';
                j++;
                continue;
            }

            // "anti- Gondor": a dangling hyphen belongs to the word before.
            if (TRules.Symbols && d == '-' && (j + 1 >= end || char.IsWhiteSpace(text[j + 1])))
            {
                return j + 1;
            }

            break;
        }

        // An abbreviation's last period ("U.S.", "W."): kept when the word has one inside or is a single capital.
        if (TRules.Symbols && j < end && text[j] == '.' && (innerPeriod || (j - i == 1 && char.IsUpper(text[i]))))
        {
            j++;
        }

        return j;
    }

    // Whether the mark between two letters or digits keeps them one word.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool JoinsInside<TRules>(char mark, char before, char after)
        where TRules : struct, ITokenRules => mark switch
    {
        '-' => TRules.Compounds,
        '.' => TRules.Symbols || (char.IsDigit(before) && char.IsDigit(after)),
        ',' => char.IsDigit(before) && char.IsDigit(after),
        ':' => TRules.ClockTimes && char.IsDigit(before) && char.IsDigit(after),
        '&' or '/' => TRules.Symbols,
        _ => false,
    };

    // "'s" not followed by a letter or digit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPossessiveAt(string text, int i, int end) =>
        i + 1 < end && IsApostrophe(text[i]) && text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]));

    // "n't" right after a letter and not followed by one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNegationAt(string text, int i, int end) =>
        i + 2 < end && i > 0 && text[i] is 'n' or 'N' && IsApostrophe(text[i + 1]) && text[i + 2] is 't' or 'T'
        && char.IsLetter(text[i - 1]) && (i + 3 >= end || !char.IsLetter(text[i + 3]));
}
