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

    /// <summary>The negation <c>n't</c>, split from its verb ("didn't" is "did" and "n't"), under <see cref="TokenRules.Negations"/>.</summary>
    Negation,

    /// <summary>A quotation mark, straight or curly, single or double (and a doubled backtick under <see cref="TokenRules.Symbols"/>).</summary>
    Quote,

    /// <summary>Any other mark that is not white space (and an HTML entity such as "&amp;amp;" under <see cref="TokenRules.Symbols"/>).</summary>
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
/// "O'Brien" and "U.S." whole (<see cref="Language"/>).</item>
/// <item>The event coder matches dictionary phrases written the PETRARCH way: compounds and symbols whole
/// ("anti-Gondor", "AT&amp;T", "and/or"), contractions in treebank form ("did n't") (<see cref="Events"/>).</item>
/// <item>Grouping compares content terms: compounds whole (their parts are folded out of them later), every other
/// mark a break (<see cref="Terms"/>).</item>
/// </list>
/// Everything else is common: white space and underscores separate; a decimal point or thousands comma between
/// digits joins; "'s" after a word is a possessive of its own; other marks are tokens of one character.
/// </summary>
/// <param name="Compounds">An inner hyphen between letters or digits stays inside the word ("anti-Gondor", "two-state").</param>
/// <param name="Symbols">
/// The coder's symbols: '.', '&amp;' and '/' before a letter or digit join ("U.S", "AT&amp;T", "and/or"); a word with an
/// inner period or a single capital takes the period after it ("U.S.", "W."); a hyphen before a space stays with its
/// word ("anti- Gondor"); an HTML entity ("&amp;amp;") and a doubled backtick are one token each.
/// </param>
/// <param name="Initials">Dotted initials from the start of a word are one word with their last period ("U.S.", "e.g.").</param>
/// <param name="Apostrophes">An apostrophe before a letter stays inside the word ("O'Brien", "didn't").</param>
/// <param name="Negations">"n't" after a word of two letters or more is a token of its own ("did", "n't"; "ca", "n't").</param>
/// <param name="ClockTimes">A colon between digits joins ("10:30").</param>
public sealed record TokenRules(bool Compounds, bool Symbols, bool Initials, bool Apostrophes, bool Negations, bool ClockTimes)
{
    /// <summary>The language stage's rules: names word by word.</summary>
    public static TokenRules Language { get; } = new(Compounds: false, Symbols: false, Initials: true, Apostrophes: true, Negations: false, ClockTimes: true);

    /// <summary>The event coder's rules: the dictionaries' phrases.</summary>
    public static TokenRules Events { get; } = new(Compounds: true, Symbols: true, Initials: false, Apostrophes: false, Negations: true, ClockTimes: false);

    /// <summary>Grouping's and fusion's rules: content words.</summary>
    public static TokenRules Terms { get; } = new(Compounds: true, Symbols: false, Initials: false, Apostrophes: false, Negations: false, ClockTimes: false);
}

/// <summary>
/// The one tokenizer: splits text into tokens with offsets, in one pass, without allocating strings. Every stage
/// tokenizes through it, each with its <see cref="TokenRules"/>.
/// </summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/> under the language stage's rules.</summary>
    public static Token[] Tokenize(string text) => Tokenize(text, 0, text.Length, TokenRules.Language);

    /// <summary>The tokens of the part of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> under the language stage's rules.</summary>
    public static Token[] Tokenize(string text, int start, int end) => Tokenize(text, start, end, TokenRules.Language);

    /// <summary>The tokens of the part of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> under <paramref name="rules"/>.</summary>
    public static Token[] Tokenize(string text, int start, int end, TokenRules rules)
    {
        var list = new List<Token>(Math.Max(16, (end - start) / 4)); // news prose runs about 4.5 characters per token
        var i = start;
        while (Next(text, ref i, end, rules, out var token))
        {
            list.Add(token);
        }

        return [.. list];
    }

    /// <summary>
    /// The next token at or after <paramref name="i"/> and before <paramref name="end"/>; <paramref name="i"/> moves
    /// past it. False when only white space is left.
    /// </summary>
    public static bool Next(string text, ref int i, int end, TokenRules rules, out Token token)
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
        if (rules.Negations && IsNegationAt(text, i, end))
        {
            token = new Token(start, 3, TokenKind.Negation);
        }
        else if (char.IsLetterOrDigit(c))
        {
            var stop = ScanWord(text, i, end, rules);
            token = new Token(start, stop - start, char.IsDigit(c) ? TokenKind.Number : TokenKind.Word);
        }
        else if (IsApostrophe(c) && IsPossessiveAt(text, i, end))
        {
            token = new Token(start, 2, TokenKind.Possessive);
        }
        else if (rules.Symbols && c == '&' && i + 1 < end && char.IsLetter(text[i + 1]))
        {
            // Entities such as "&amp;" are one token, so that they never match a word.
            var j = i + 1;
            while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] == ';'))
            {
                j++;
            }

            token = new Token(start, j - start, TokenKind.Punct);
        }
        else if (rules.Symbols && c == '`' && i + 1 < end && text[i + 1] == '`')
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

    /// <summary>True for straight and curly quotation marks and apostrophes.</summary>
    public static bool IsQuote(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>True for the straight and the curly apostrophe.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    // The end of the word that starts at i (a letter or digit).
    private static int ScanWord(string text, int i, int end, TokenRules rules)
    {
        if (rules.Initials && i + 3 < end && text[i + 1] == '.' && char.IsLetter(text[i]) && char.IsLetter(text[i + 2]) && text[i + 3] == '.')
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

                if (rules.Negations && j - i >= 3 && IsNegationAt(text, j - 1, end))
                {
                    return j - 1;
                }

                if (rules.Apostrophes && j + 1 < end && char.IsLetter(text[j + 1]))
                {
                    j++;
                    continue;
                }

                break;
            }

            if (nextIsWord && JoinsInside(d, text[j - 1], text[j + 1], rules))
            {
                innerPeriod |= d == '.';
                j++;
                continue;
            }

            // "anti- Gondor": a dangling hyphen belongs to the word before.
            if (rules.Symbols && d == '-' && (j + 1 >= end || char.IsWhiteSpace(text[j + 1])))
            {
                return j + 1;
            }

            break;
        }

        // An abbreviation's last period ("U.S.", "W."): kept when the word has one inside or is a single capital.
        if (rules.Symbols && j < end && text[j] == '.' && (innerPeriod || (j - i == 1 && char.IsUpper(text[i]))))
        {
            j++;
        }

        return j;
    }

    // Whether the mark between two letters or digits keeps them one word.
    private static bool JoinsInside(char mark, char before, char after, TokenRules rules) => mark switch
    {
        '-' => rules.Compounds,
        '.' => rules.Symbols || (char.IsDigit(before) && char.IsDigit(after)),
        ',' => char.IsDigit(before) && char.IsDigit(after),
        ':' => rules.ClockTimes && char.IsDigit(before) && char.IsDigit(after),
        '&' or '/' => rules.Symbols,
        _ => false,
    };

    // "'s" not followed by a letter or digit.
    private static bool IsPossessiveAt(string text, int i, int end) =>
        i + 1 < end && IsApostrophe(text[i]) && text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]));

    // "n't" right after a letter and not followed by one.
    private static bool IsNegationAt(string text, int i, int end) =>
        i + 2 < end && i > 0 && text[i] is 'n' or 'N' && IsApostrophe(text[i + 1]) && text[i + 2] is 't' or 'T'
        && char.IsLetter(text[i - 1]) && (i + 3 >= end || !char.IsLetter(text[i + 3]));
}
